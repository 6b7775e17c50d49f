import { DORTMUND, KREIS_UNNA, UNNA_MEMBERS } from './support/fixtures';
import { bearer, type TestApi } from './support/test-api';
import {
  appendEsfReportAccepted,
  INSIDE,
  PHASE_ONE,
  PHASE_TWO,
  startSurveyTest,
  type SurveyTest,
} from './support/evaluation-survey';

/**
 * Results of the 2017 online survey (seed 003) against hand counts, and indicator time series.
 * Participants come from `GrantNoticeIssued` contract events appended to the store (see
 * support/evaluation-survey.ts): the grants context has no HTTP route to issue notices yet.
 */
const KREISFREIE = ['bielefeld', 'dortmund', 'duisburg', 'duesseldorf', 'gelsenkirchen', 'hamm'] as const;

describe('evaluation: survey results and indicator series over HTTP', () => {
  let api: TestApi;
  let office: SurveyTest['office'];
  let as: SurveyTest['as'];
  let answer: SurveyTest['answer'];
  let expectRefused: SurveyTest['expectRefused'];

  beforeEach(async () => {
    ({ api, office, as, answer, expectRefused } = await startSurveyTest());
  });
  afterEach(() => api.close());

  it('gives shares per scale step by phase and type that match hand counts: 14 of 17 phase-I municipalities = 82 %', async () => {
    api.clock.set(INSIDE);
    // Networks, phase I (Witten does not answer): 6 fully, 8 largely, 2 partly, 1 not.
    const networkSteps: Record<string, string> = {
      ...Object.fromEntries(KREISFREIE.map((k) => [PHASE_ONE[k], 'fully'])),
      ...Object.fromEntries(
        (
          [
            'moenchengladbach',
            'muenster',
            'oberhausen',
            'wuppertal',
            'arnsberg',
            'dormagen',
            'gladbeck',
            'moers',
          ] as const
        ).map((k) => [PHASE_ONE[k], 'largely']),
      ),
      [PHASE_ONE.kreisDueren]: 'partly',
      [PHASE_ONE.kreisUnna]: 'partly',
      [PHASE_ONE.kreisWarendorf]: 'not',
    };
    // Coordination: cities fully, towns largely, counties partly; phase II: Bochum fully, Köln largely, Kreis Lippe not.
    const countyAgs = [PHASE_ONE.kreisDueren, PHASE_ONE.kreisUnna, PHASE_ONE.kreisWarendorf];
    const townAgs = [PHASE_ONE.arnsberg, PHASE_ONE.dormagen, PHASE_ONE.gladbeck, PHASE_ONE.moers];
    const typeStep = (ags: string) =>
      countyAgs.includes(ags) ? 'partly' : townAgs.includes(ags) ? 'largely' : 'fully';
    for (const [ags, step] of Object.entries(networkSteps)) {
      const res = await answer(ags, [
        { questionId: 'networks', step },
        { questionId: 'coordination', step: typeStep(ags) },
      ]);
      expect(res.status).toBe(201);
    }
    for (const [ags, step] of [
      [PHASE_TWO.bochum, 'fully'],
      [PHASE_TWO.koeln, 'largely'],
      [PHASE_TWO.kreisLippe, 'not'],
    ])
      expect((await answer(ags, [{ questionId: 'coordination', step }])).status).toBe(201);

    const evaluator = bearer(await api.token('evaluator'));
    const results = (await api.http.get('/surveys/online-survey-2017/results').set(evaluator).expect(200))
      .body;
    expect(results).toMatchObject({ status: 'open', recipients: 22, responded: 20 });
    expect(results.responseRate).toEqual({ numerator: 20, denominator: 22, percent: 91 });
    expect(results.rounding).toMatch(/half up to a whole percent/);
    const question = (id: string) =>
      results.questions.find((q: { questionId: string }) => q.questionId === id);
    const steps = (tally: { steps: { step: string; count: number; share: object }[] }) =>
      Object.fromEntries(tally.steps.map((s) => [s.step, [s.count, s.share]]));

    const networks = question('networks');
    expect([networks.overall.asked, networks.overall.answered]).toEqual([18, 17]);
    expect(steps(networks.overall)).toEqual({
      not: [1, { numerator: 1, denominator: 17, percent: 6 }],
      partly: [2, { numerator: 2, denominator: 17, percent: 12 }],
      largely: [8, { numerator: 8, denominator: 17, percent: 47 }],
      fully: [6, { numerator: 6, denominator: 17, percent: 35 }],
    });
    const networksByType = Object.fromEntries(
      networks.byMunicipalityType.map((t: { municipalityType: string; asked: number; answered: number }) => [
        t.municipalityType,
        [t.asked, t.answered],
      ]),
    );
    // Asked are the phase-I recipients only: 10 cities, 5 towns (Witten silent), 3 counties.
    expect(networksByType).toEqual({
      'kreisfreie-stadt': [10, 10],
      'kreisangehoerige-stadt': [5, 4],
      kreis: [3, 3],
    });

    const coordination = question('coordination');
    expect([coordination.overall.asked, coordination.overall.answered]).toEqual([22, 20]);
    expect(steps(coordination.overall)).toEqual({
      not: [1, { numerator: 1, denominator: 20, percent: 5 }],
      partly: [3, { numerator: 3, denominator: 20, percent: 15 }],
      largely: [5, { numerator: 5, denominator: 20, percent: 25 }],
      fully: [11, { numerator: 11, denominator: 20, percent: 55 }],
    });
    // Grouped by phase id, each named as the programme's terms name it.
    expect(coordination.byPhase.map((p: { phaseId: string; name: string }) => [p.phaseId, p.name])).toEqual([
      ['phase-1', 'Förderphase I'],
      ['phase-2', 'Förderphase II'],
    ]);
    const phaseTwo = coordination.byPhase.find((p: { phaseId: string }) => p.phaseId === 'phase-2');
    expect([phaseTwo.asked, phaseTwo.answered]).toEqual([4, 3]);
    expect(steps(phaseTwo).fully).toEqual([1, { numerator: 1, denominator: 3, percent: 33 }]);
    const counties = coordination.byMunicipalityType.find(
      (t: { municipalityType: string }) => t.municipalityType === 'kreis',
    );
    expect(steps(counties).partly).toEqual([3, { numerator: 3, denominator: 4, percent: 75 }]);

    const share = (query: string) =>
      api.http.get(`/surveys/online-survey-2017/results/share?${query}`).set(evaluator).expect(200);
    expect((await share('question=networks&steps=largely,fully&phaseId=phase-1')).body).toMatchObject({
      questionId: 'networks',
      steps: ['largely', 'fully'],
      phaseId: 'phase-1',
      phaseName: 'Förderphase I',
      numerator: 14,
      denominator: 17,
      percent: 82,
      asked: 18,
    });
    // The phase by number, as clients asked before phases were named, is the phase `phase-<n>`.
    expect((await share('question=networks&steps=largely,fully&phase=1')).body).toMatchObject({
      phaseId: 'phase-1',
      numerator: 14,
      denominator: 17,
    });
    expect((await share('question=coordination&steps=fully&municipalityType=kreis')).body).toMatchObject({
      numerator: 0,
      denominator: 4,
      percent: 0,
    });

    // A revision replaces the answer it revises: Kreis Warendorf now says largely, so 15 of 17.
    await api.http
      .put('/surveys/online-survey-2017/answers/mine')
      .set(await as(PHASE_ONE.kreisWarendorf))
      .send({
        answers: [
          { questionId: 'networks', step: 'largely' },
          { questionId: 'coordination', step: 'partly' },
        ],
      })
      .expect(200);
    expect((await share('question=networks&steps=largely,fully&phase=1')).body).toMatchObject({
      numerator: 15,
      denominator: 17,
      percent: 88,
    });
    // A step the survey's scale does not have: 422 naming the scale's steps.
    const offScale = await api.http
      .get('/surveys/online-survey-2017/results/share?question=networks&steps=mostly')
      .set(evaluator)
      .expect(422);
    expect(offScale.body).toMatchObject({
      code: 'invalid-scale-step',
      steps: ['not', 'partly', 'largely', 'fully'],
    });
    const textShare = await api.http
      .get('/surveys/online-survey-2017/results/share?question=remarks&steps=fully')
      .set(evaluator);
    expect([textShare.status, textShare.body.code]).toEqual([422, 'question-not-on-scale']);
  });

  it('lets the evaluator read results and answers but not finance, and a municipality only its own answer', async () => {
    api.clock.set(INSIDE);
    await answer(KREIS_UNNA, [
      { questionId: 'networks', step: 'fully' },
      { questionId: 'coordination', step: 'largely' },
    ]);
    const evaluator = bearer(await api.token('evaluator'));
    const answers = (await api.http.get('/surveys/online-survey-2017/answers').set(evaluator).expect(200))
      .body.items;
    expect(answers).toEqual([
      expect.objectContaining({
        ags: KREIS_UNNA,
        name: 'Kreis Unna',
        phaseId: 'phase-1',
        phaseName: 'Förderphase I',
        municipalityType: 'kreis',
        revision: 0,
      }),
    ]);
    await api.http
      .get('/surveys/online-survey-2017/results')
      .set(bearer(await api.token('auditor')))
      .expect(200);
    // Finance is not the evaluator's: ESF totals (expenditure by source) and office actions are refused.
    const totals = await api.http.get('/programmes/kkz/esf-totals').set(evaluator).expect(403);
    expect(totals.body.code).toBe('forbidden-role');
    expect((await api.http.get('/grants').set(evaluator).expect(403)).body.code).toBe('forbidden-role');
    await api.http.post('/evaluations').set(evaluator).send({ programmeId: 'kkz', title: 'x' }).expect(403);

    const dortmund = await as(DORTMUND);
    await api.http.get('/surveys/online-survey-2017/answers').set(dortmund).expect(403);
    await api.http.get('/surveys/online-survey-2017/results').set(dortmund).expect(403);
    const own = (await api.http.get('/surveys/online-survey-2017/answers/mine').set(dortmund).expect(200))
      .body;
    expect(own).toEqual({
      surveyId: 'online-survey-2017',
      ags: DORTMUND,
      status: 'not-answered',
      answers: [],
    });
    const surveys = (await api.http.get('/surveys').set(dortmund).expect(200)).body.items;
    expect(surveys.map((s: { surveyId: string }) => s.surveyId)).toEqual(['online-survey-2017']);
    expect(
      (
        await api.http
          .get('/surveys')
          .set(await as(UNNA_MEMBERS[0]))
          .expect(200)
      ).body.items,
    ).toEqual([]);
  });

  it('keeps indicator time series per municipality from accepted ESF reports and recorded values, by period', async () => {
    await appendEsfReportAccepted(api.store, {
      ags: KREIS_UNNA,
      periodId: '2013',
      from: '2013-01-01',
      to: '2013-12-31',
      indicators: { 'public-administrations-supported': 5 },
    });
    await appendEsfReportAccepted(api.store, {
      ags: KREIS_UNNA,
      periodId: '2012',
      from: '2012-03-01',
      to: '2012-12-31',
      indicators: { 'public-administrations-supported': 4, participants: 120 },
    });
    const record = (body: object) =>
      api.http.post('/evaluations/kkz-evaluation/indicators').set(office).send(body);
    await record({
      ags: KREIS_UNNA,
      indicator: 'public-administrations-supported',
      date: '2017-12-31',
      value: 7,
    }).expect(200);
    await record({
      ags: KREIS_UNNA,
      indicator: 'public-administrations-supported',
      period: { from: '2014-01-01', to: '2014-12-31' },
      value: 6,
    }).expect(200);
    await expectRefused(
      record({ ags: '05999999', indicator: 'x', date: '2017-12-31', value: 1 }),
      422,
      'unknown-municipality',
    );
    await expectRefused(
      record({ ags: KREIS_UNNA, indicator: 'x', period: { from: '2015-01-01', to: '2014-12-31' }, value: 1 }),
      422,
      'indicator-period-invalid',
    );
    await expectRefused(
      record({ ags: KREIS_UNNA, indicator: 'x', date: '2017-12-31', value: 'viel' }),
      400,
      'validation-failed',
    );

    const series = (
      await api.http
        .get(`/municipalities/${KREIS_UNNA}/indicators`)
        .set(bearer(await api.token('evaluator')))
        .expect(200)
    ).body;
    expect(series).toMatchObject({ ags: KREIS_UNNA, name: 'Kreis Unna', municipalityType: 'kreis' });
    expect(series.indicators.map((i: { indicator: string }) => i.indicator)).toEqual([
      'participants',
      'public-administrations-supported',
    ]);
    const supported = series.indicators[1].series.map(
      (p: { from: string; to: string; value: number; source: string }) => [p.from, p.to, p.value, p.source],
    );
    expect(supported).toEqual([
      ['2012-03-01', '2012-12-31', 4, 'esf-report'],
      ['2013-01-01', '2013-12-31', 5, 'esf-report'],
      ['2014-01-01', '2014-12-31', 6, 'evaluation'],
      ['2017-12-31', '2017-12-31', 7, 'evaluation'],
    ]);
    await api.http
      .get(`/municipalities/${KREIS_UNNA}/indicators`)
      .set(await as(KREIS_UNNA))
      .expect(200);
    await api.http
      .get(`/municipalities/${KREIS_UNNA}/indicators`)
      .set(await as(DORTMUND))
      .expect(404);
    await api.http.get('/municipalities/0597800/indicators').set(office).expect(400);
    await api.http.get('/municipalities/05999999/indicators').set(office).expect(404);
  });
});
