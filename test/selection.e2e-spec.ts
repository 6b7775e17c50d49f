import { TERMS_KKZ } from '@app/shared';
import { ProjectionRunner, rebuild } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { signDevToken } from '@app/identity';
import { selectionProjection } from '@app/selection';
import {
  BRUECKEN,
  CALL_2011,
  DORTMUND,
  KREIS_UNNA,
  OBERHAUSEN,
  PROGRAMME,
  UNNA_MEMBERS,
} from './support/fixtures';
import { bearer, DEV_SECRET, startTestApi, type TestApi } from './support/test-api';
import { confirmMembers } from './support/joint-application';

const UNNA_EOI = 'kkz-2011.05978000';
const OBERHAUSEN_EOI = 'kkz-2011.05119000';
const CRITERIA = [
  { criterionId: 'prevention', title: 'Verbesserung der Lage von Kindern durch Prävention', weight: 3 },
  { criterionId: 'network', title: 'Vernetzung der Akteure', weight: 1 },
];
const PHASE_I = {
  version: 1,
  effectiveFrom: '2011-11-01',
  label: 'Förderphase I',
  rules: TERMS_KKZ,
};
const PHASE_II = {
  version: 2,
  effectiveFrom: '2016-06-01',
  label: 'Förderphase II',
  rules: { ...TERMS_KKZ, councilResolution: 'required-at-submission' },
};
const KOELN = '05315000';
type Headers = Record<string, string>;

describe('selection over HTTP: formal check, assessment, decision, correction', () => {
  let api: TestApi;
  let office: Headers;
  let diller: Headers;
  let stierle: Headers;
  let unna: Headers;
  let kamen: Headers;
  let oberhausen: Headers;
  let dortmund: Headers;
  let auditor: Headers;
  let evaluator: Headers;

  // Phase I is adopted on 17 October 2011, before it takes effect; the call opens on 9 November.
  beforeEach(async () => {
    api = await startTestApi({ now: '2011-10-17T09:00:00.000Z' });
    office = bearer(await api.token('grants-office'));
    diller = bearer(await signDevToken(DEV_SECRET, { role: 'grants-office', subject: 'office:diller' }));
    stierle = bearer(await signDevToken(DEV_SECRET, { role: 'grants-office', subject: 'office:stierle' }));
    unna = bearer(await api.token('municipality', KREIS_UNNA));
    kamen = bearer(await api.token('municipality', UNNA_MEMBERS[0]));
    oberhausen = bearer(await api.token('municipality', OBERHAUSEN));
    dortmund = bearer(await api.token('municipality', DORTMUND));
    auditor = bearer(await api.token('auditor'));
    evaluator = bearer(await api.token('evaluator'));
    await api.http.post('/programmes').set(office).send(PROGRAMME).expect(201);
    await api.http.post('/programmes/kkz/rules').set(office).send(PHASE_I).expect(201);
    api.clock.set('2011-11-09T09:00:00.000Z');
    await api.http
      .post('/programmes/kkz/calls')
      .set(office)
      .send({ ...CALL_2011, phase: 1, assessmentCriteria: CRITERIA })
      .expect(201);
    await api.http.post('/calls/kkz-2011/publish').set(office).expect(200);
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(unna)
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(201);
    await confirmMembers(api, UNNA_EOI, UNNA_MEMBERS);
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(oberhausen).send(BRUECKEN).expect(201);
    api.clock.set('2011-12-15T22:30:00.000Z');
    await api.http.post(`/expressions-of-interest/${UNNA_EOI}/submit`).set(unna).expect(200);
    await api.http.post(`/expressions-of-interest/${OBERHAUSEN_EOI}/submit`).set(oberhausen).expect(200);
    api.clock.set('2012-01-16T09:00:00.000Z');
  });
  afterEach(() => api.close());

  const post = (path: string, as: Headers, body: object = {}) => api.http.post(path).set(as).send(body);
  const eoi = (id: string, rest: string) => `/expressions-of-interest/${id}/${rest}`;
  const scores = (prevention: number, network: number) => ({
    scores: [
      { criterionId: 'prevention', score: prevention },
      { criterionId: 'network', score: network },
    ],
  });

  async function expectRefused(
    request: () => PromiseLike<{ status: number; body: { code: string }; headers: Record<string, string> }>,
    status: number,
    code: string,
  ) {
    const before = await api.store.headPosition();
    const res = await request();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await api.store.headPosition()).toBe(before);
  }

  it('takes Kreis Unna from submission to a selection with its amount, and corrects it by a new event', async () => {
    await post(eoi(UNNA_EOI, 'formal-check'), office, { reasons: ['Unterlagen vollständig'] }).expect(201);
    const checked = await api.http.get(eoi(UNNA_EOI, 'selection')).set(office).expect(200);
    expect(checked.body).toMatchObject({
      stage: 'in-assessment',
      formalCheck: {
        checks: {
          onTime: true,
          eligibleApplicantType: true,
          councilResolution: 'promised',
          coordinatorNamed: true,
        },
        passed: true,
        rules: { version: 1, effectiveFrom: '2011-11-01' },
      },
    });
    expect(checked.body.formalCheck.reasons.at(-1)).toBe('Unterlagen vollständig');

    await post(eoi(UNNA_EOI, 'assessments'), diller, {
      ...scores(8, 6),
      assessorName: 'Hans-Michael Diller',
    }).expect(201);
    await post(eoi(UNNA_EOI, 'assessments'), stierle, { ...scores(9, 9), comment: 'Starker Verbund' }).expect(
      201,
    );
    await api.http
      .put(eoi(UNNA_EOI, 'assessments/mine'))
      .set(diller)
      .send({ ...scores(9, 6), comment: 'nach Rücksprache' })
      .expect(200);

    api.clock.set('2012-02-10T10:00:00.000Z');
    await post(eoi(UNNA_EOI, 'decision'), office, {
      outcome: 'selected',
      reasons: ['Überzeugende Verantwortungsgemeinschaft von fünf Verwaltungen'],
    }).expect(201);
    const decided = await api.http.get(eoi(UNNA_EOI, 'selection')).set(office).expect(200);
    expect(decided.body.assessments).toEqual([
      expect.objectContaining({
        assessor: 'office:diller',
        assessorName: 'Hans-Michael Diller',
        weightedScore: 8.25,
        comment: 'nach Rücksprache',
        earlier: [expect.objectContaining({ weightedScore: 7.5 })],
      }),
      expect.objectContaining({ assessor: 'office:stierle', weightedScore: 9, earlier: [] }),
    ]);
    expect(decided.body).toMatchObject({
      stage: 'selected',
      averageScore: 8.63,
      decision: {
        outcome: 'selected',
        amountCents: 6_400_000, // Kreis Unna, 395,000 inhabitants: more than 200,000 → 64,000 EUR
        population: 395000,
        rules: { version: 1, effectiveFrom: '2011-11-01' },
        councilResolutionDue: { ags: [KREIS_UNNA, ...UNNA_MEMBERS], dueDate: '2012-05-10' },
      },
    });

    await post(eoi(UNNA_EOI, 'decision/corrections'), office, {
      outcome: 'waitlisted',
      reasons: ['Rechenfehler in der Rangliste'],
    }).expect(201);
    const corrected = await api.http.get(eoi(UNNA_EOI, 'selection')).set(office).expect(200);
    expect(corrected.body.decision).toMatchObject({
      outcome: 'waitlisted',
      reasons: ['Rechenfehler in der Rangliste'],
    });
    expect(corrected.body.decision.history.map((h: { outcome: string }) => h.outcome)).toEqual([
      'selected',
      'waitlisted',
    ]);
    const types = (await api.store.readStream(`selection-${UNNA_EOI}`)).map((e) => e.type);
    expect(types).toEqual([
      'FormalCheckRecorded',
      'AssessmentScored',
      'AssessmentScored',
      'AssessmentRevised',
      'SubmissionSelected',
      'SelectionDecisionCorrected',
    ]);
    const live = api.app.get(ProjectionRunner).state(selectionProjection);
    expect(rebuild(selectionProjection, await api.store.readAll())).toEqual(live);
  });

  it('refuses each step out of order or twice with its code, writing nothing', async () => {
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'decision'), office, { outcome: 'rejected', reasons: ['x'] }),
      422,
      'formal-check-missing',
    );
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'assessments'), diller, scores(5, 5)),
      422,
      'formal-check-not-passed',
    );
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'decision/corrections'), office, { outcome: 'selected', reasons: ['x'] }),
      422,
      'no-decision-to-correct',
    );
    await post(eoi(UNNA_EOI, 'formal-check'), office).expect(201);
    await expectRefused(
      () => api.http.put(eoi(UNNA_EOI, 'assessments/mine')).set(diller).send(scores(5, 5)),
      422,
      'no-assessment-to-revise',
    );
    await post(eoi(UNNA_EOI, 'assessments'), diller, scores(8, 6)).expect(201);
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'assessments'), diller, scores(9, 6)),
      422,
      'assessment-already-scored',
    );
    await expectRefused(
      () =>
        post(eoi(UNNA_EOI, 'assessments'), stierle, { scores: [{ criterionId: 'prevention', score: 5 }] }),
      422,
      'criterion-not-scored',
    );
    await expectRefused(
      () =>
        post(eoi(UNNA_EOI, 'assessments'), stierle, {
          scores: [...scores(5, 5).scores, { criterionId: 'budget', score: 5 }],
        }),
      422,
      'unknown-criterion',
    );
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'assessments'), stierle, scores(11, 5)),
      400,
      'validation-failed',
    );
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'decision'), office, { outcome: 'selected', reasons: [' '] }),
      422,
      'reasons-required',
    );
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'decision'), office, { outcome: 'approved', reasons: ['x'] }),
      400,
      'validation-failed',
    );
    await post(eoi(UNNA_EOI, 'decision'), office, { outcome: 'selected', reasons: ['gut'] }).expect(201);
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'decision'), office, { outcome: 'rejected', reasons: ['x'] }),
      422,
      'selection-already-decided',
    );
    await expectRefused(() => post(eoi(UNNA_EOI, 'formal-check'), office), 422, 'selection-already-decided');
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'assessments'), stierle, scores(5, 5)),
      422,
      'selection-already-decided',
    );
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'decision/corrections'), office, { outcome: 'selected', reasons: ['x'] }),
      422,
      'correction-changes-nothing',
    );
    await expectRefused(() => post(eoi('kkz-2011.05913000', 'formal-check'), office), 404, 'not-found');
  });

  it('refuses a formal check of an expression of interest that was never submitted', async () => {
    api.clock.set('2011-12-01T09:00:00.000Z');
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(dortmund).send(BRUECKEN).expect(201);
    await expectRefused(() => post(eoi('kkz-2011.05913000', 'formal-check'), office), 422, 'not-submitted');
  });

  it('finds a resolution present once the council-resolutions context recorded an approval', async () => {
    const { position } = await api.store.appendToStream(
      `council-resolution-${OBERHAUSEN_EOI}.${OBERHAUSEN}`,
      [
        newEvent('CouncilResolutionRecorded', {
          resolutionId: `${OBERHAUSEN_EOI}.${OBERHAUSEN}`,
          applicationId: OBERHAUSEN_EOI,
          callId: 'kkz-2011',
          ags: OBERHAUSEN,
          result: 'approved',
          resultDate: '2012-01-10',
        }),
      ],
      'no_stream',
    );
    await api.app.get(ProjectionRunner).waitFor(position);
    await post(eoi(OBERHAUSEN_EOI, 'formal-check'), office).expect(201);
    await post(eoi(OBERHAUSEN_EOI, 'decision'), office, { outcome: 'selected', reasons: ['gut'] }).expect(
      201,
    );
    const view = await api.http.get(eoi(OBERHAUSEN_EOI, 'selection')).set(auditor).expect(200);
    expect(view.body.formalCheck.checks.councilResolution).toBe('present');
    // Oberhausen, 210,000 inhabitants: 64,000 EUR, and no resolution left to deliver.
    expect(view.body.decision).toMatchObject({ amountCents: 6_400_000 });
    expect(view.body.decision.councilResolutionDue).toBeUndefined();
  });

  it('refuses the formal check and the decision while the call is still open, writing nothing', async () => {
    // 23:45 in Berlin on the closing day: Unna has submitted, others still may.
    api.clock.set('2011-12-15T22:45:00.000Z');
    await expectRefused(() => post(eoi(UNNA_EOI, 'formal-check'), office), 422, 'call-still-open');
    await expectRefused(
      () => post(eoi(UNNA_EOI, 'decision'), office, { outcome: 'rejected', reasons: ['zu früh'] }),
      422,
      'call-still-open',
    );
    api.clock.set('2011-12-15T23:00:00.000Z');
    await post(eoi(UNNA_EOI, 'formal-check'), office).expect(201);
  });

  it('refuses to correct a selection once its grant notice was issued, writing nothing', async () => {
    await post(eoi(UNNA_EOI, 'formal-check'), office).expect(201);
    await post(eoi(UNNA_EOI, 'decision'), office, { outcome: 'selected', reasons: ['gut'] }).expect(201);
    api.clock.set('2012-02-20T09:00:00.000Z');
    await post('/grants', office, {
      phase: 1,
      ags: KREIS_UNNA,
      applicationId: UNNA_EOI,
      period: { from: '2012-03-01', to: '2015-06-30' },
      financing: { esfCents: 4_300_000, landCents: 2_100_000, ownCents: 2_200_000 },
      conditions: [],
      coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
    }).expect(201);
    await expectRefused(
      () =>
        post(eoi(UNNA_EOI, 'decision/corrections'), office, {
          outcome: 'waitlisted',
          reasons: ['Rechenfehler'],
        }),
      422,
      'grant-already-issued',
    );
  });

  it('under phase II finds a resolution adopted after the submission missing, and fails the check', async () => {
    const koeln = bearer(await api.token('municipality', KOELN));
    const KOELN_EOI = `kkz-2016.${KOELN}`;
    api.clock.set('2016-05-02T09:00:00.000Z');
    await post('/programmes/kkz/rules', office, PHASE_II).expect(201);
    api.clock.set('2016-09-01T08:00:00.000Z');
    await post('/programmes/kkz/calls', office, {
      ...CALL_2011,
      callId: 'kkz-2016',
      title: 'Phase II',
      kickOffDate: '2016-09-01',
      closingDate: '2016-10-31',
      phase: 2,
    }).expect(201);
    await post('/calls/kkz-2016/publish', office).expect(200);
    await post('/calls/kkz-2016/expressions-of-interest', koeln, {
      ...BRUECKEN,
      councilResolution: { status: 'adopted', date: '2016-10-20', reference: 'AN/1234/2016' },
    }).expect(201);
    api.clock.set('2016-10-20T10:00:00.000Z');
    await post(`/expressions-of-interest/${KOELN_EOI}/submit`, koeln).expect(200);
    // The council in fact decided five days after the submission (by the council-resolutions contract).
    const { position } = await api.store.appendToStream(
      `council-resolution-${KOELN_EOI}.${KOELN}`,
      [
        newEvent('CouncilResolutionRecorded', {
          resolutionId: `${KOELN_EOI}.${KOELN}`,
          applicationId: KOELN_EOI,
          callId: 'kkz-2016',
          ags: KOELN,
          result: 'approved',
          resultDate: '2016-10-25',
        }),
      ],
      'no_stream',
    );
    await api.app.get(ProjectionRunner).waitFor(position);
    api.clock.set('2016-11-02T09:00:00.000Z');
    await post(eoi(KOELN_EOI, 'formal-check'), office).expect(201);
    const view = await api.http.get(eoi(KOELN_EOI, 'selection')).set(office).expect(200);
    expect(view.body.formalCheck).toMatchObject({
      checks: { councilResolution: 'missing' },
      passed: false,
      rules: { version: 2, effectiveFrom: '2016-06-01' },
    });
    expect(view.body.formalCheck.reasons[2]).toMatch(
      /nach der Einreichung am 20\.10\.2016 gefasst.*05315000 \(25\.10\.2016\)/,
    );
    await expectRefused(
      () => post(eoi(KOELN_EOI, 'decision'), office, { outcome: 'selected', reasons: ['x'] }),
      422,
      'formal-check-not-passed',
    );
  });

  it('shows the applicant only the decision and its reasons, other municipalities nothing, evaluators nothing', async () => {
    await post(eoi(UNNA_EOI, 'formal-check'), office).expect(201);
    await post(eoi(UNNA_EOI, 'assessments'), diller, { ...scores(8, 6), comment: 'intern' }).expect(201);
    const pending = await api.http.get(eoi(UNNA_EOI, 'selection')).set(unna).expect(200);
    expect(pending.body).toEqual({ applicationId: UNNA_EOI, callId: 'kkz-2011' });
    await post(eoi(UNNA_EOI, 'decision'), office, {
      outcome: 'selected',
      reasons: ['Überzeugendes Konzept'],
    }).expect(201);
    for (const applicant of [unna, kamen]) {
      const seen = await api.http.get(eoi(UNNA_EOI, 'selection')).set(applicant).expect(200);
      expect(seen.body.decision).toMatchObject({
        outcome: 'selected',
        reasons: ['Überzeugendes Konzept'],
        amountCents: 6_400_000,
      });
      expect(JSON.stringify(seen.body)).not.toMatch(/assessments|weightedScore|intern|formalCheck/);
    }
    const other = await api.http.get(eoi(UNNA_EOI, 'selection')).set(dortmund).expect(404);
    expect(other.body.code).toBe('not-found');
    for (const [method, path] of [
      ['get', eoi(UNNA_EOI, 'selection')],
      ['get', '/calls/kkz-2011/selection'],
      ['get', '/calls/kkz-2011/selection/cross-section'],
      ['post', eoi(UNNA_EOI, 'formal-check')],
      ['post', eoi(UNNA_EOI, 'assessments')],
      ['put', eoi(UNNA_EOI, 'assessments/mine')],
      ['post', eoi(UNNA_EOI, 'decision')],
      ['post', eoi(UNNA_EOI, 'decision/corrections')],
    ] as const) {
      const res = await api.http[method](path).set(evaluator).send({});
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'forbidden-role',
      });
    }
    await api.http.get('/calls/kkz-2011/selection').set(unna).expect(403);
  });

  it('lists the call ranked by score and shows the cross-section of candidates and selected', async () => {
    for (const id of [UNNA_EOI, OBERHAUSEN_EOI]) await post(eoi(id, 'formal-check'), office).expect(201);
    await post(eoi(UNNA_EOI, 'assessments'), diller, scores(6, 6)).expect(201);
    await post(eoi(OBERHAUSEN_EOI, 'assessments'), diller, scores(9, 8)).expect(201);
    await post(eoi(OBERHAUSEN_EOI, 'decision'), office, { outcome: 'selected', reasons: ['Platz 1'] }).expect(
      201,
    );
    await post(eoi(UNNA_EOI, 'decision'), office, { outcome: 'waitlisted', reasons: ['Platz 19'] }).expect(
      201,
    );

    const list = await api.http.get('/calls/kkz-2011/selection').set(auditor).expect(200);
    expect(list.body).toMatchObject({
      callId: 'kkz-2011',
      candidates: 2,
      selected: 1,
      selectedAmountCents: 6_400_000,
    });
    expect(
      list.body.submissions.map((s: { applicationId: string; stage: string }) => [s.applicationId, s.stage]),
    ).toEqual([
      [OBERHAUSEN_EOI, 'selected'],
      [UNNA_EOI, 'waitlisted'],
    ]);

    const section = await api.http.get('/calls/kkz-2011/selection/cross-section').set(office).expect(200);
    expect(section.body).toMatchObject({ candidates: 2, selected: 1 });
    expect(section.body.byMunicipalityType).toEqual([
      { value: 'kreisfreie-stadt', candidates: 1, selected: 1 },
      { value: 'kreisangehoerige-stadt', candidates: 0, selected: 0 },
      { value: 'kreis', candidates: 1, selected: 0 },
    ]);
    expect(section.body.byOwnJugendamt).toEqual([
      { value: 'with-own-jugendamt', candidates: 2, selected: 1 },
      { value: 'without-own-jugendamt', candidates: 0, selected: 0 },
    ]);
    expect(section.body.byRegierungsbezirk).toEqual(
      expect.arrayContaining([
        { value: 'Arnsberg', candidates: 1, selected: 0 },
        { value: 'Düsseldorf', candidates: 1, selected: 1 },
      ]),
    );
    expect(section.body.byPopulationBand.at(-1)).toEqual({ value: 'over-200k', candidates: 2, selected: 1 });
    await api.http.get('/calls/nope/selection/cross-section').set(office).expect(404);
  });
});
