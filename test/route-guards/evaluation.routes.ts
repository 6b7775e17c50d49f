import { EVALUATION_CRITERIA_2018, SURVEY_SCALE_2018 } from '@app/shared';
import { appendGrantNotice } from '../support/evaluation-survey';
import { KREIS_UNNA, DORTMUND } from '../support/fixtures';
import type { ContextRoutes } from './route-case';

const EVALUATION = 'kkz-evaluation';
const SURVEY = 'guard-survey';

const day = (instant: Date, days: number) =>
  new Date(instant.getTime() + days * 86_400_000).toISOString().slice(0, 10);

const ANSWER = { answers: [{ questionId: 'networks', step: 'largely' }] };

/**
 * Evaluation: an evaluation of programme kkz and a survey open now, whose one recipient (Kreis
 * Unna, from a grant notice) has answered. Dortmund is no recipient, so it must get 404.
 */
export const evaluationRoutes: ContextRoutes = {
  context: 'evaluation',
  async setup({ api, as }) {
    const office = await as('grants-office');
    await appendGrantNotice(api.store, KREIS_UNNA, 1);
    await api.http
      .post('/evaluations')
      .set(office)
      .send({
        evaluationId: EVALUATION,
        programmeId: 'kkz',
        title: 'Evaluation',
        criteria: EVALUATION_CRITERIA_2018,
      })
      .expect(201);
    const now = api.clock.now();
    const survey = await api.http
      .post(`/evaluations/${EVALUATION}/surveys`)
      .set(office)
      .send({
        surveyId: SURVEY,
        title: 'Onlinebefragung',
        scale: SURVEY_SCALE_2018,
        opensOn: day(now, -1),
        closesOn: day(now, 90),
        questions: [{ questionId: 'networks', text: 'Netzwerkziele erreicht?', kind: 'scale' }],
      });
    if (survey.status !== 201) throw new Error(`survey: ${survey.status} ${JSON.stringify(survey.body)}`);
    const recipients = (await api.http.get(`/surveys/${SURVEY}`).set(office).expect(200)).body.recipients as {
      ags: string;
    }[];
    if (recipients.some((r) => r.ags === DORTMUND))
      throw new Error('Dortmund holds a grant notice of kkz: it would be a recipient, not a stranger');
    await api.http
      .post(`/surveys/${SURVEY}/answers`)
      .set(await as('municipality', KREIS_UNNA))
      .send(ANSWER)
      .expect(201);
  },
  routes: [
    {
      method: 'post',
      path: '/evaluations',
      openApiPath: '/evaluations',
      allowed: ['grants-office'],
      body: {
        evaluationId: 'guard-evaluation-2',
        programmeId: 'kkz',
        title: 'Zweite Evaluation',
        criteria: EVALUATION_CRITERIA_2018,
      },
    },
    {
      method: 'get',
      path: '/evaluations',
      openApiPath: '/evaluations',
      allowed: ['grants-office', 'evaluator', 'auditor'],
    },
    {
      method: 'get',
      path: `/evaluations/${EVALUATION}`,
      openApiPath: '/evaluations/{evaluationId}',
      allowed: ['grants-office', 'evaluator', 'auditor'],
    },
    {
      method: 'post',
      path: `/evaluations/${EVALUATION}/surveys`,
      openApiPath: '/evaluations/{evaluationId}/surveys',
      allowed: ['grants-office'],
      body: {
        surveyId: 'guard-survey-2',
        title: 'Onlinebefragung Ende 2017',
        scale: SURVEY_SCALE_2018,
        opensOn: '2017-12-06',
        closesOn: '2018-01-02',
        questions: [{ questionId: 'networks', text: 'Netzwerkziele erreicht?', kind: 'scale' }],
      },
    },
    {
      method: 'post',
      path: `/evaluations/${EVALUATION}/indicators`,
      openApiPath: '/evaluations/{evaluationId}/indicators',
      allowed: ['grants-office'],
      body: { ags: KREIS_UNNA, indicator: 'networks-partners', date: '2017-12-31', value: 42 },
    },
    {
      method: 'get',
      path: '/surveys',
      openApiPath: '/surveys',
      allowed: ['grants-office', 'evaluator', 'auditor', 'municipality'],
    },
    {
      method: 'get',
      path: `/surveys/${SURVEY}`,
      openApiPath: '/surveys/{surveyId}',
      allowed: ['grants-office', 'evaluator', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'post',
      path: `/surveys/${SURVEY}/answers`,
      openApiPath: '/surveys/{surveyId}/answers',
      allowed: ['municipality'],
      body: ANSWER,
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: `/surveys/${SURVEY}/answers`,
      openApiPath: '/surveys/{surveyId}/answers',
      allowed: ['grants-office', 'evaluator', 'auditor'],
    },
    {
      method: 'put',
      path: `/surveys/${SURVEY}/answers/mine`,
      openApiPath: '/surveys/{surveyId}/answers/mine',
      allowed: ['municipality'],
      body: ANSWER,
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: `/surveys/${SURVEY}/answers/mine`,
      openApiPath: '/surveys/{surveyId}/answers/mine',
      allowed: ['municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: `/surveys/${SURVEY}/results`,
      openApiPath: '/surveys/{surveyId}/results',
      allowed: ['grants-office', 'evaluator', 'auditor'],
    },
    {
      method: 'get',
      path: `/surveys/${SURVEY}/results/share?question=networks&steps=largely,fully&phase=1`,
      openApiPath: '/surveys/{surveyId}/results/share',
      allowed: ['grants-office', 'evaluator', 'auditor'],
    },
    {
      method: 'get',
      path: `/municipalities/${KREIS_UNNA}/indicators`,
      openApiPath: '/municipalities/{ags}/indicators',
      allowed: ['grants-office', 'evaluator', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
  ],
};
