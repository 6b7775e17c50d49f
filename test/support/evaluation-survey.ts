import { EVALUATION_CRITERIA_2018, SURVEY_SCALE_2018 } from '@app/shared';
import type { EventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { DORTMUND, KREIS_UNNA, PROGRAMME } from './fixtures';
import { adoptTerms2011, bearer, startTestApi, type TestApi } from './test-api';

/**
 * A `GrantNoticeIssued` as docs/events.md defines it, appended straight to the store: the
 * evaluation context reads only this contract, so its tests need not drive the grants context
 * (which has no HTTP route to issue a notice yet).
 */
export async function appendGrantNotice(store: EventStore, ags: string, phase: number, programmeId = 'kkz') {
  const grantId = `${programmeId}.phase-${phase}.${ags}`;
  const stream = `grant-${grantId}`;
  if ((await store.readStream(stream)).some((e) => e.type === 'GrantNoticeIssued')) return;
  const from = phase === 1 ? '2012-03-01' : '2017-01-01';
  const to = phase === 1 ? '2015-07-31' : '2018-12-31';
  // GrantNoticeIssued v2 (what today's code writes): the phase by its id, the money by source.
  const data = {
    grantId,
    programmeId,
    phaseId: `phase-${phase}`,
    ags,
    // A 48,000 EUR grant (ESF + Land) with 16,000 EUR own funds on top: 50/25/25 of 64,000 EUR.
    amountCents: 4_800_000,
    period: { from, to },
    financing: [
      { sourceId: 'esf', cents: 3_200_000 },
      { sourceId: 'land', cents: 1_600_000 },
      { sourceId: 'own', cents: 1_600_000 },
    ],
    conditions: [],
    coordinator: { name: 'Koordinierungsstelle' },
    rules: { version: 0, effectiveFrom: null },
    disbursementWindowMonths: 2,
    issuedAt: `${from}T09:00:00.000Z`,
  };
  await store.appendToStream(stream, [newEvent('GrantNoticeIssued', data, SETUP_ACTOR)], 'any');
}

/** An `EsfReportAccepted` as docs/events.md defines it (only the fields the evaluation reads vary). */
export async function appendEsfReportAccepted(
  store: EventStore,
  report: { ags: string; periodId: string; from: string; to: string; indicators: Record<string, number> },
) {
  const grantId = `kkz.phase-1.${report.ags}`;
  const reportId = `${grantId}.${report.periodId}`;
  const data = {
    reportId,
    grantId,
    programmeId: 'kkz',
    year: Number(report.from.slice(0, 4)),
    expenditure: { esfCents: 1_000_000, landCents: 500_000, ownCents: 500_000 },
    submission: 1,
    acceptedAt: `${report.to}T12:00:00.000Z`,
    ...report,
  };
  await store.appendToStream(
    `esf-report-${reportId}`,
    [newEvent('ReportAccepted', data, SETUP_ACTOR)],
    'any',
  );
}

const SETUP_ACTOR = { actor: { subject: 'evaluation-test-setup', role: 'grants-office' } };

/** The 18 municipalities of phase I (2012–2015) in the demo registry. */
export const PHASE_ONE = {
  bielefeld: '05711000',
  dortmund: DORTMUND,
  duisburg: '05112000',
  duesseldorf: '05111000',
  gelsenkirchen: '05513000',
  hamm: '05915000',
  moenchengladbach: '05116000',
  muenster: '05515000',
  oberhausen: '05119000',
  wuppertal: '05124000',
  arnsberg: '05958004',
  dormagen: '05162004',
  gladbeck: '05562014',
  moers: '05170024',
  witten: '05954036',
  kreisDueren: '05358000',
  kreisUnna: KREIS_UNNA,
  kreisWarendorf: '05570000',
};
/** Four of the municipalities that joined in phase II (2017). */
export const PHASE_TWO = { bochum: '05911000', koeln: '05315000', ahlen: '05570004', kreisLippe: '05766000' };

/** The 2017 online survey (seed 003): window 6 Dec 2017 to 2 Jan 2018. */
export const SURVEY = {
  surveyId: 'online-survey-2017',
  scale: SURVEY_SCALE_2018,
  title: 'Onlinebefragung aller Projektkommunen Ende 2017',
  opensOn: '2017-12-06',
  closesOn: '2018-01-02',
  questions: [
    {
      questionId: 'networks',
      text: 'Wie weit haben Sie Ihre Ziele beim Aufbau von Netzwerken in der ersten Förderphase umgesetzt?',
      kind: 'scale',
      goal: 'networks',
      criterion: 'goal-attainment',
      // The 2011 programme's terms name its phases `phase-1` (Förderphase I) and `phase-2`.
      phaseIds: ['phase-1'],
    },
    {
      questionId: 'coordination',
      text: 'Wie weit ist die bessere Handlungskoordination umgesetzt?',
      kind: 'scale',
    },
    { questionId: 'remarks', text: 'Anmerkungen', kind: 'text', optional: true },
  ],
};
export const OPENS_AT = '2017-12-05T23:00:00.000Z';
export const CLOSES_AT = '2018-01-02T23:00:00.000Z';
export const INSIDE = '2017-12-12T10:00:00.000Z';

type Response = { status: number; body: { code: string }; headers: Record<string, string> };

export interface SurveyTest {
  api: TestApi;
  office: Record<string, string>;
  as(ags: string): Promise<Record<string, string>>;
  answer(ags: string, answers: object[]): Promise<Response>;
  /** The refusal's status and code, as problem+json, and nothing written. */
  expectRefused(request: PromiseLike<Response>, status: number, code: string): Promise<void>;
}

/**
 * Programme kkz with its 2011 terms (phases `phase-1` Förderphase I and `phase-2` Förderphase II)
 * and 22 participants (18 of phase I, Dortmund continuing in phase II, and 4 new in phase II),
 * its evaluation and the 2017 survey, created on 20 Nov 2017.
 */
export async function startSurveyTest(): Promise<SurveyTest> {
  const api = await startTestApi({ now: '2017-11-20T09:00:00.000Z' });
  const office = bearer(await api.token('grants-office'));
  await api.http.post('/programmes').set(office).send(PROGRAMME).expect(201);
  await adoptTerms2011(api, office);
  for (const ags of Object.values(PHASE_ONE)) await appendGrantNotice(api.store, ags, 1);
  for (const ags of Object.values(PHASE_TWO)) await appendGrantNotice(api.store, ags, 2);
  await appendGrantNotice(api.store, DORTMUND, 2);
  await api.http
    .post('/evaluations')
    .set(office)
    .send({
      evaluationId: 'kkz-evaluation',
      programmeId: 'kkz',
      title: 'Evaluation Kommunale Präventionsketten',
      criteria: EVALUATION_CRITERIA_2018,
    })
    .expect(201);
  await api.http.post('/evaluations/kkz-evaluation/surveys').set(office).send(SURVEY).expect(201);
  const as = async (ags: string) => bearer(await api.token('municipality', ags));
  return {
    api,
    office,
    as,
    answer: async (ags, answers) =>
      api.http
        .post(`/surveys/${SURVEY.surveyId}/answers`)
        .set(await as(ags))
        .send({ answers }),
    async expectRefused(request, status, code) {
      const before = await api.store.headPosition();
      const res = await request;
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await api.store.headPosition()).toBe(before);
    },
  };
}
