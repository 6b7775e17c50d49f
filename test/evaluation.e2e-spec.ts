import { EVALUATION_CRITERIA_2018 } from '@app/shared';
import { DORTMUND, KREIS_UNNA, UNNA_MEMBERS } from './support/fixtures';
import type { TestApi } from './support/test-api';
import {
  appendGrantNotice,
  CLOSES_AT,
  INSIDE,
  OPENS_AT,
  PHASE_ONE,
  PHASE_TWO,
  startSurveyTest,
  SURVEY,
  type SurveyTest,
} from './support/evaluation-survey';

/**
 * The 2017 online survey of all participating municipalities (seed 003), 6 Dec 2017 – 2 Jan 2018.
 * Participants come from `GrantNoticeIssued` contract events appended to the store (see
 * support/evaluation-survey.ts): the grants context has no HTTP route to issue notices yet.
 */
describe('evaluation: the survey of participating municipalities over HTTP', () => {
  let api: TestApi;
  let office: SurveyTest['office'];
  let as: SurveyTest['as'];
  let answer: SurveyTest['answer'];
  let expectRefused: SurveyTest['expectRefused'];

  beforeEach(async () => {
    ({ api, office, as, answer, expectRefused } = await startSurveyTest());
  });
  afterEach(() => api.close());

  it('surveys every participating municipality, with the phase it joined in and its type, fixed at creation', async () => {
    await appendGrantNotice(api.store, '05113000', 2); // Essen joins after the survey was created
    const survey = (await api.http.get('/surveys/online-survey-2017').set(office).expect(200)).body;
    expect(survey.window).toEqual({
      opensOn: '2017-12-06',
      closesOn: '2018-01-02',
      opensAt: OPENS_AT,
      closesAt: CLOSES_AT,
    });
    expect(survey.status).toBe('not-open-yet');
    expect(survey.recipients).toHaveLength(22);
    const byAgs = Object.fromEntries(survey.recipients.map((r: { ags: string }) => [r.ags, r]));
    // Dortmund continued into phase II: it joined in phase I, the first of the terms' phases.
    expect(byAgs[DORTMUND]).toEqual({
      ags: DORTMUND,
      name: 'Dortmund',
      phaseId: 'phase-1',
      phaseName: 'Förderphase I',
      municipalityType: 'kreisfreie-stadt',
    });
    expect(byAgs[KREIS_UNNA]).toMatchObject({ phaseId: 'phase-1', municipalityType: 'kreis' });
    expect(byAgs[PHASE_TWO.ahlen]).toMatchObject({
      phaseId: 'phase-2',
      phaseName: 'Förderphase II',
      municipalityType: 'kreisangehoerige-stadt',
    });
    expect(survey.phases).toEqual([
      { phaseId: 'phase-1', name: 'Förderphase I' },
      { phaseId: 'phase-2', name: 'Förderphase II' },
    ]);
    expect(survey.questions[0]).toMatchObject({ phaseIds: ['phase-1'], phaseNames: ['Förderphase I'] });
    expect(byAgs['05113000']).toBeUndefined();
    const evaluation = (await api.http.get('/evaluations/kkz-evaluation').set(office).expect(200)).body;
    expect(evaluation).toMatchObject({ programmeId: 'kkz', surveyIds: ['online-survey-2017'] });
    expect(evaluation.criteria.map((c: { name: string }) => c.name)).toEqual([
      'Umsetzung',
      'Zielerreichung',
      'Wirksamkeit',
      'Nachhaltigkeit',
      'Wirtschaftlichkeit',
      'Synergie',
      'Kohärenz',
    ]);
  });

  it('refuses a survey nobody could be asked, and one that reuses an id, writing nothing', async () => {
    await api.http
      .post('/programmes')
      .set(office)
      .send({ programmeId: 'empty', title: 'Ohne Teilnehmende' })
      .expect(201);
    await api.http
      .post('/evaluations')
      .set(office)
      .send({
        evaluationId: 'empty-evaluation',
        programmeId: 'empty',
        title: 'Leer',
        criteria: EVALUATION_CRITERIA_2018,
      })
      .expect(201);
    await expectRefused(
      api.http
        .post('/evaluations/empty-evaluation/surveys')
        .set(office)
        .send({ ...SURVEY, surveyId: 'nobody' }),
      422,
      'survey-without-recipients',
    );
    await expectRefused(
      api.http.post('/evaluations/kkz-evaluation/surveys').set(office).send(SURVEY),
      409,
      'survey-exists',
    );
    await expectRefused(
      api.http
        .post('/evaluations/kkz-evaluation/surveys')
        .set(office)
        .send({ ...SURVEY, surveyId: 'answer-x.05978000' }),
      400,
      'validation-failed',
    );
    await expectRefused(
      api.http
        .post('/evaluations')
        .set(office)
        .send({ evaluationId: 'e', programmeId: 'nope', title: 'x', criteria: EVALUATION_CRITERIA_2018 }),
      422,
      'unknown-programme',
    );
  });

  it("names a question's phases by the ids of the programme's terms; numbers still taken where the terms name phase-<n>", async () => {
    const create = (surveyId: string, phaseSpec: object) =>
      api.http
        .post('/evaluations/kkz-evaluation/surveys')
        .set(office)
        .set('Accept-Language', 'de')
        .send({
          ...SURVEY,
          surveyId,
          questions: [{ questionId: 'q', text: 'Frage', kind: 'scale', ...phaseSpec }],
        });
    // The 2011 programme's phase numbers, as clients sent them before, are recorded as its phase ids.
    await create('by-number', { phases: [2] }).expect(201);
    const byNumber = (await api.http.get('/surveys/by-number').set(office).expect(200)).body;
    expect(byNumber.questions).toEqual([
      {
        questionId: 'q',
        text: 'Frage',
        kind: 'scale',
        phaseIds: ['phase-2'],
        phaseNames: ['Förderphase II'],
      },
    ]);
    const stored = (await api.store.readStream('survey-by-number'))[0];
    expect(stored.data).toMatchObject({ questions: [{ phaseIds: ['phase-2'] }] });
    expect(stored.data).not.toHaveProperty('questions.0.phases');
    // An empty list asks everyone.
    await create('everyone', { phaseIds: [] }).expect(201);
    const everyone = (
      await api.http
        .get('/surveys/everyone')
        .set(await as(PHASE_TWO.koeln))
        .expect(200)
    ).body;
    expect(everyone.questions.map((q: { questionId: string }) => q.questionId)).toEqual(['q']);

    const unknown = await create('unknown', { phaseIds: ['aufbau'] });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'unknown-phase']);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body.detail).toBe(
      'Die Frage q nennt die Phase „aufbau“, die das Programm kkz nicht kennt; seine Phasen sind „phase-1“ und „phase-2“.',
    );
    const third = await create('third', { phases: [3] });
    expect([third.status, third.body.code]).toEqual([422, 'phase-number-not-mappable']);
    expect(third.body.detail).toMatch(/^Die Frage q nennt die Phase mit der Nummer 3, doch das Programm kkz/);
    const twice = await create('twice', { phases: [1], phaseIds: ['phase-2'] });
    expect([twice.status, twice.body.code]).toEqual([422, 'phase-stated-twice']);
    for (const id of ['unknown', 'third', 'twice'])
      expect(await api.store.readStream(`survey-${id}`)).toEqual([]);
  });

  it('refuses malformed surveys, answers and ids with 400 problem+json, writing nothing', async () => {
    api.clock.set(INSIDE);
    const create = (body: object) =>
      api.http
        .post('/evaluations/kkz-evaluation/surveys')
        .set(office)
        .send({ ...SURVEY, surveyId: 'bad', ...body });
    await expectRefused(create({ opensOn: '2017-02-30' }), 400, 'validation-failed');
    await expectRefused(create({ closesOn: '9999-01-02' }), 400, 'validation-failed');
    await expectRefused(create({ questions: [] }), 400, 'validation-failed');
    await expectRefused(
      create({ questions: [{ questionId: 'q', text: 'Frage', kind: 'stars' }] }),
      400,
      'validation-failed',
    );
    await expectRefused(
      create({ questions: [{ questionId: 'q', text: 'Frage', kind: 'scale', phases: [0] }] }),
      400,
      'validation-failed',
    );
    await expectRefused(
      create({ questions: [{ questionId: 'q', text: 'Frage', kind: 'scale', phaseIds: ['../x'] }] }),
      400,
      'validation-failed',
    );
    await expectRefused(
      api.http
        .post('/evaluations')
        .set(office)
        .send({ programmeId: 'kkz', title: 'x', criteria: ['vibes'] }),
      400,
      'validation-failed',
    );
    // Criteria are data of each evaluation: none named is no evaluation, not the 2018 seven.
    await expectRefused(
      api.http.post('/evaluations').set(office).send({ programmeId: 'kkz', title: 'x' }),
      400,
      'validation-failed',
    );
    await expectRefused(
      api.http
        .post('/evaluations')
        .set(office)
        .send({
          programmeId: 'kkz',
          title: 'x',
          criteria: [
            { criterionId: 'a', name: 'A' },
            { criterionId: 'a', name: 'B' },
          ],
        }),
      400,
      'criterion-twice',
    );
    await expectRefused(
      api.http
        .post('/surveys/online-survey-2017/answers')
        .set(await as(KREIS_UNNA))
        .send({ answers: 'largely' }),
      400,
      'validation-failed',
    );
    await expectRefused(answer(KREIS_UNNA, [{ questionId: 'networks', step: 3 }]), 400, 'validation-failed');
    await expectRefused(api.http.get('/surveys/online..survey/results').set(office), 400, 'invalid-id');
  });

  it('takes answers from 00:00 Berlin time on 6 Dec 2017 until 24:00 on 2 Jan 2018', async () => {
    const networks = [
      { questionId: 'networks', step: 'largely' },
      { questionId: 'coordination', step: 'fully' },
    ];
    api.clock.set('2017-12-05T22:59:59.999Z');
    await expectRefused(answer(KREIS_UNNA, networks), 422, 'survey-not-open-yet');
    api.clock.set(OPENS_AT);
    expect((await answer(KREIS_UNNA, networks)).status).toBe(201);
    api.clock.set('2018-01-02T22:59:59.999Z');
    expect((await answer(DORTMUND, networks)).status).toBe(201);
    api.clock.set(CLOSES_AT);
    await expectRefused(answer(PHASE_ONE.hamm, networks), 422, 'survey-closed');
    await expectRefused(
      api.http
        .put('/surveys/online-survey-2017/answers/mine')
        .set(await as(KREIS_UNNA))
        .send({ answers: networks }),
      422,
      'survey-closed',
    );
  });

  it('keeps one answer per municipality: a second submission is refused, revisions replace it until the close', async () => {
    api.clock.set(INSIDE);
    const first = [
      { questionId: 'networks', step: 'partly' },
      { questionId: 'coordination', step: 'fully' },
    ];
    const created = await answer(KREIS_UNNA, first);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: `online-survey-2017.${KREIS_UNNA}`, revision: 0 });
    await expectRefused(answer(KREIS_UNNA, first), 409, 'answer-already-submitted');
    const unna = await as(KREIS_UNNA);
    const revised = [
      ...first.slice(1),
      { questionId: 'networks', step: 'largely' },
      { questionId: 'remarks', text: 'Das Netzwerk trägt.' },
    ];
    api.clock.set('2018-01-02T22:00:00.000Z');
    await api.http
      .put('/surveys/online-survey-2017/answers/mine')
      .set({ ...unna, 'If-Match': '"0"' })
      .send({ answers: revised })
      .expect(200, { id: `online-survey-2017.${KREIS_UNNA}`, revision: 1 });
    await expectRefused(
      api.http
        .put('/surveys/online-survey-2017/answers/mine')
        .set({ ...unna, 'If-Match': '"0"' })
        .send({ answers: first }),
      409,
      'concurrency-conflict',
    );
    const mine = (await api.http.get('/surveys/online-survey-2017/answers/mine').set(unna).expect(200)).body;
    expect(mine).toMatchObject({
      status: 'revised',
      submittedAt: INSIDE,
      revisedAt: '2018-01-02T22:00:00.000Z',
      revision: 1,
    });
    expect(mine.answers).toEqual([
      { questionId: 'networks', step: 'largely' },
      { questionId: 'coordination', step: 'fully' },
      { questionId: 'remarks', text: 'Das Netzwerk trägt.' },
    ]);
    const kamen = await as(UNNA_MEMBERS[0]);
    await expectRefused(
      api.http
        .put('/surveys/online-survey-2017/answers/mine')
        .set(await as(DORTMUND))
        .send({ answers: first }),
      422,
      'answer-not-submitted',
    );
    await api.http.get('/surveys/online-survey-2017/answers/mine').set(kamen).expect(404);
  });

  it('refuses strangers, steps off the scale, wrong kinds, unknown and unasked questions, writing nothing', async () => {
    api.clock.set(INSIDE);
    const coordination = { questionId: 'coordination', step: 'fully' };
    const kamen = UNNA_MEMBERS[0]; // a member of the Kreis Unna application, but no grant holder
    await expectRefused(answer(kamen, [coordination]), 404, 'not-found');
    // Even with an If-Match that could not match, a stranger learns only that there is nothing (404, not 409).
    await expectRefused(
      api.http
        .put('/surveys/online-survey-2017/answers/mine')
        .set({ ...(await as(kamen)), 'If-Match': '"0"' })
        .send({ answers: [coordination] }),
      404,
      'not-found',
    );
    await api.http
      .get('/surveys/online-survey-2017')
      .set(await as(kamen))
      .expect(404);
    // A step off the survey's own scale (the 2018 scale here) is refused against the survey's data.
    await expectRefused(
      answer(KREIS_UNNA, [{ questionId: 'networks', step: 'mostly' }, coordination]),
      422,
      'invalid-scale-step',
    );
    await expectRefused(
      answer(KREIS_UNNA, [{ questionId: 'networks', text: 'gut' }, coordination]),
      422,
      'answer-does-not-match-question',
    );
    await expectRefused(
      answer(KREIS_UNNA, [
        { questionId: 'networks', step: 'fully' },
        coordination,
        { questionId: 'weather', step: 'fully' },
      ]),
      422,
      'unknown-question',
    );
    await expectRefused(answer(KREIS_UNNA, [coordination]), 422, 'survey-answer-incomplete');
    await expectRefused(
      answer(PHASE_TWO.koeln, [{ questionId: 'networks', step: 'fully' }, coordination]),
      422,
      'question-not-asked',
    );
    await expectRefused(
      api.http
        .post('/surveys/online-survey-2017/answers')
        .set(await as(KREIS_UNNA))
        .send({ answers: [coordination], extra: 1 }),
      400,
      'validation-failed',
    );
    // Köln (phase II) is asked coordination only, and sees only that question.
    const koeln = (
      await api.http
        .get('/surveys/online-survey-2017')
        .set(await as(PHASE_TWO.koeln))
        .expect(200)
    ).body;
    expect(koeln.questions.map((q: { questionId: string }) => q.questionId)).toEqual([
      'coordination',
      'remarks',
    ]);
    expect(koeln.recipients).toBeUndefined();
  });
});
