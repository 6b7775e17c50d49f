import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { DeadlineWorker } from '@app/deadlines';
import type { EventStore } from '@app/eventsourcing';
import { ReportPeriodsPolicy } from '@app/reporting';
import { CommandService, DEFAULT_REGISTRY_FILE, EVENT_STORE, SimulatedClock } from '@app/shared';
import {
  CALL_DBL as CALL,
  CALL_TERMS_DBL,
  checkAndAssessDbl,
  EOI_DBL,
  PROGRAMME_DBL,
  TERMS_DBL,
} from './support/dbl-programme';
import { decodeMail, startNotificationsWorker, startSmtpReceiver } from './support/notifications';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { eventually, removeQueueKeys } from './support/waiting';

/**
 * Issue 12's example, "Digitale Bildungslandschaften NRW 2026", in one journey over HTTP from the
 * programme's creation to its evaluation's results: terms adopted (Bund 50 %, Land 30 %, own
 * funds ≥ 20 %, no ESF), a reminder ladder of 28/14/3 days, the call (closing Sunday 15 March
 * 2026 under the statutory shift) with its own form, three expressions of interest, the
 * selection by tier, notices financed per source, a disbursement paid, the quarterly report
 * periods opened by the worker's policy, a report with the programme's two indicators, a proof of
 * use per source, the funding totals, and an evaluation with its own criteria and a survey on a
 * 5-step scale with its own labels. The deadline manager and the notifications worker run on a
 * simulated clock beside the API, with real Redis (BullMQ) and a real SMTP receiver.
 *
 * Along the way nothing the API answers, no inbox item and no e-mail names ESF, a Förderphase or
 * the Präventionsketten of the 2011 programme.
 */
jest.setTimeout(120_000);

const REDIS_URL = 'redis://127.0.0.1:6379/5';
const SMTP_PORT = 49_517;
const DAY_MS = 86_400_000;
/** A day in half a second of wall-clock time: 12 February to 17 March in about 17 seconds. */
const SPEED = DAY_MS / 500;
/** What the programme never says, so nobody may read it. */
const FOREIGN_WORDS = /ESF|Europäischer Sozialfonds|Förderphase|Präventionskette/;

/** Kreisangehörige Gemeinde and Kreise of the official registry, one per tier (populations of 31 Dec 2024). */
const HOLZWICKEDE = '05978016'; // Gemeinde, 17,596 → 40,000 €
const KREIS_HOEXTER = '05762000'; // Kreis, 139,252 → 90,000 €
const KREIS_UNNA = '05978000'; // Kreis, 393,784 → 150,000 €
const DORTMUND = '05913000'; // kreisfreie Stadt: another municipality, not eligible
const APPLICANTS = [HOLZWICKEDE, KREIS_HOEXTER, KREIS_UNNA];
const TIER_CENTS: Record<string, number> = {
  [HOLZWICKEDE]: 4_000_000,
  [KREIS_HOEXTER]: 9_000_000,
  [KREIS_UNNA]: 15_000_000,
};
/** A grant of `cents` (Bund + Land) is 80 % of the eligible total: Bund 5/8, Land 3/8, own funds a quarter on top. */
const financingOf = (cents: number) => [
  { sourceId: 'bund', cents: (cents * 5) / 8 },
  { sourceId: 'land', cents: (cents * 3) / 8 },
  { sourceId: 'own', cents: cents / 4 },
];

const CRITERIA = [
  { criterionId: 'connectivity', name: 'Anbindung der Schulen' },
  { criterionId: 'qualification', name: 'Qualifizierung der Fachkräfte' },
  { criterionId: 'permanence', name: 'Verstetigung der Bildungsnetzwerke' },
];
/** A 5-step agreement scale with its own labels (not the 2018 scale). */
const SCALE = {
  steps: [
    { stepId: 'disagree', label: 'trifft nicht zu' },
    { stepId: 'rather-disagree', label: 'trifft eher nicht zu' },
    { stepId: 'neutral', label: 'teils, teils' },
    { stepId: 'rather-agree', label: 'trifft eher zu' },
    { stepId: 'agree', label: 'trifft voll zu' },
  ],
};
const SURVEY = {
  surveyId: 'dbl-survey-2028',
  title: 'Befragung der geförderten Kommunen nach dem Aufbau',
  opensOn: '2028-03-01',
  closesOn: '2028-03-31',
  scale: SCALE,
  questions: [
    {
      questionId: 'schools',
      text: 'Die Schulen unserer Kommune sind verlässlich an das Netz angebunden.',
      kind: 'scale',
      criterion: 'connectivity',
      // Asked of the municipalities funded in the programme's phase "Aufbau", by its id in the terms.
      phaseIds: ['aufbau'],
    },
    {
      questionId: 'staff',
      text: 'Die Fachkräfte fühlen sich für den digitalen Unterricht qualifiziert.',
      kind: 'scale',
      criterion: 'qualification',
    },
    { questionId: 'remarks', text: 'Anmerkungen', kind: 'text', optional: true },
  ],
};

describe('any programme: "Digitale Bildungslandschaften NRW 2026" from its creation to its evaluation’s results', () => {
  let api: TestApi;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let notifications: Awaited<ReturnType<typeof startNotificationsWorker>> | undefined;
  let deadlines: DeadlineWorker | undefined;
  let policy: ReportPeriodsPolicy | undefined;
  const prefix = `wt-lifecycle-${randomUUID().slice(0, 8)}`;
  /** Every response body the API gave in this journey, with its route. */
  const answered: { route: string; status: number; body: string }[] = [];

  beforeAll(async () => {
    api = await startTestApi({
      now: '2026-01-05T09:00:00.000Z',
      env: { REDIS_URL, MUNICIPALITY_REGISTRY_FILE: DEFAULT_REGISTRY_FILE },
    });
    // Record what the API writes back, before any of its own handlers run.
    (api.app.getHttpServer() as Server).prependListener('request', (req, res) => {
      const chunks: Buffer[] = [];
      const keep = (chunk: unknown) => {
        if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
        else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      };
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        keep(chunk);
        return write(chunk, ...rest);
      }) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (typeof chunk !== 'function') keep(chunk);
        return end(chunk, ...rest);
      }) as typeof res.end;
      res.on('finish', () =>
        answered.push({
          route: `${req.method} ${req.url}`,
          status: res.statusCode,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    smtp = await startSmtpReceiver({ port: SMTP_PORT });
  });

  afterAll(async () => {
    await policy?.stop();
    await deadlines?.stop();
    await notifications?.close();
    await removeQueueKeys(REDIS_URL, prefix);
    await smtp?.close();
    await api?.close();
  });

  it('carries the programme through terms, call, selection, notices, payment, a report, proof of use, totals and an evaluation', async () => {
    const office = bearer(await api.token('grants-office'));
    const evaluator = bearer(await api.token('evaluator'));
    const as = async (ags: string) => bearer(await api.token('municipality', ags));
    const inboxOf = async (ags: string) =>
      (
        (
          await api.http
            .get('/inbox')
            .set(await as(ags))
            .expect(200)
        ).body.items as { headline: string; text: string }[]
      ).reverse();

    // ── The programme, its terms in force, its reminder ladder and its call ──
    await api.http.post('/programmes').set(office).send(PROGRAMME_DBL).expect(201);
    await api.http
      .post('/programmes/dbl/rules')
      .set(office)
      .send({ version: 1, effectiveFrom: '2026-01-05', label: 'Förderbedingungen 2026', rules: TERMS_DBL })
      .expect(201);
    await api.http
      .put('/programmes/dbl/deadline-settings')
      .set(office)
      .send({ reminderOffsetsDays: [28, 14, 3], timeZone: 'Europe/Berlin' })
      .expect(200);
    await api.http.post('/programmes/dbl/calls').set(office).send(CALL_TERMS_DBL).expect(201);
    const drafted = (await api.http.get(`/calls/${CALL}`).set(office).expect(200)).body;
    // Sunday 15 March 2026 moves to Monday 16 March, 24:00 Berlin (CET).
    expect(drafted).toMatchObject({
      closing: { date: '2026-03-15', rule: 'statutory-shift', lastDay: '2026-03-16' },
      closesAt: '2026-03-16T23:00:00.000Z',
      budgetCents: 120_000_000,
      participants: { min: 3, max: 12 },
      phaseId: 'aufbau',
    });
    await api.http.post(`/calls/${CALL}/publish`).set(office).expect(200);

    // Holzwickede wants its reminders by e-mail too.
    await api.http
      .put(`/municipalities/${HOLZWICKEDE}/notification-settings`)
      .set(await as(HOLZWICKEDE))
      .send({ email: 'schule@holzwickede.de' })
      .expect(200);

    // ── Expressions of interest on the call's own form ──
    // The two Kreise submit on the opening day; Holzwickede drafts and waits.
    api.clock.set('2026-01-12T09:00:00.000Z');
    for (const ags of APPLICANTS) {
      const body = { ...EOI_DBL, answers: { ...EOI_DBL.answers, schools: ags === KREIS_UNNA ? 42 : 14 } };
      await api.http
        .post(`/calls/${CALL}/expressions-of-interest`)
        .set(await as(ags))
        .send(body)
        .expect(201);
    }
    for (const ags of [KREIS_HOEXTER, KREIS_UNNA])
      await api.http
        .post(`/expressions-of-interest/${CALL}.${ags}/submit`)
        .set(await as(ags))
        .expect(200);
    const mine = (
      await api.http
        .get(`/expressions-of-interest/${CALL}.${KREIS_UNNA}`)
        .set(await as(KREIS_UNNA))
        .expect(200)
    ).body;
    expect(mine.content.answers).toEqual({ ...EOI_DBL.answers, schools: 42 });
    // Another municipality does not reach it.
    await api.http
      .get(`/expressions-of-interest/${CALL}.${KREIS_UNNA}`)
      .set(await as(DORTMUND))
      .expect((res) => expect([403, 404]).toContain(res.status));

    // ── Reminders 28, 14 and 3 days before the closing, then the closing, on a simulated clock ──
    const clock = new SimulatedClock({ start: '2026-02-12T08:00:00.000Z', speed: SPEED });
    deadlines = new DeadlineWorker({ store: api.store, clock, redisUrl: REDIS_URL, queuePrefix: prefix });
    notifications = await startNotificationsWorker(api, prefix, { SMTP_URL: smtp.url }, clock);
    await deadlines.start();
    clock.set('2026-02-12T08:00:00.000Z');
    const reminders = await eventually(
      async () => {
        const told = (await inboxOf(HOLZWICKEDE)).filter((i) => i.headline.startsWith('Erinnerung'));
        return told.length >= 3 ? told : undefined;
      },
      40_000,
      'three reminders in the inbox of Holzwickede',
    );
    // Holzwickede submits after the third reminder, before the shifted closing.
    api.clock.set(clock.now().toISOString());
    expect(api.clock.now().getTime()).toBeLessThan(Date.parse('2026-03-16T23:00:00.000Z'));
    await api.http
      .post(`/expressions-of-interest/${CALL}.${HOLZWICKEDE}/submit`)
      .set(await as(HOLZWICKEDE))
      .expect(200);
    expect(reminders.map((r) => r.headline)).toEqual(
      ['in 28 Tagen', 'in 14 Tagen', 'in 3 Tagen'].map(
        (when) =>
          `Erinnerung: Einreichung zum Aufruf „Digitale Bildungslandschaften NRW 2026“ – Frist endet ${when}, am Montag, 16. März 2026`,
      ),
    );
    // The Kreise had submitted: nobody reminds them.
    for (const ags of [KREIS_HOEXTER, KREIS_UNNA])
      expect((await inboxOf(ags)).filter((i) => i.headline.startsWith('Erinnerung'))).toEqual([]);
    await eventually(
      async () => (await api.http.get(`/calls/${CALL}`).set(office).expect(200)).body.status === 'closed',
      30_000,
      'the call to close',
    );
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-16T23:00:00.000Z'));
    const mails = await eventually(
      () => (smtp.messages.length >= 3 ? smtp.messages.map((m) => decodeMail(m.raw)) : undefined),
      20_000,
      'three reminder e-mails',
    );
    expect(smtp.messages.map((m) => m.to)).toEqual(Array(3).fill(['schule@holzwickede.de']));
    expect(mails.map((m) => m.subject)).toEqual(reminders.map((r) => r.headline));
    for (const mail of mails) {
      expect(mail.text).toContain('Digitale Bildungslandschaften NRW 2026');
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(FOREIGN_WORDS);
    }
    await deadlines.stop();
    deadlines = undefined;

    // ── Selection: formal checks, assessments, the ranking, three selected by tier ──
    api.clock.set('2026-03-25T09:00:00.000Z');
    const scores: Record<string, [number, number]> = {
      [KREIS_UNNA]: [9, 8],
      [HOLZWICKEDE]: [8, 8],
      [KREIS_HOEXTER]: [7, 6],
    };
    for (const [ags, score] of Object.entries(scores))
      await checkAndAssessDbl(api.http, office, `${CALL}.${ags}`, score);
    const ranking = (await api.http.get(`/calls/${CALL}/ranking`).set(evaluator).expect(200)).body;
    expect(ranking.entries.map((e: { applicationId: string }) => e.applicationId)).toEqual(
      Object.keys(scores).map((ags) => `${CALL}.${ags}`),
    );
    for (const ags of Object.keys(scores))
      await api.http
        .post(`/expressions-of-interest/${CALL}.${ags}/decision`)
        .set(office)
        .send({ outcome: 'selected', reasons: ['Rang innerhalb der Obergrenze'] })
        .expect(201);
    const selection = (await api.http.get(`/calls/${CALL}/selection`).set(office).expect(200)).body;
    // 40,000 + 90,000 + 150,000 € by the tiers of the registry's populations.
    expect(selection).toMatchObject({ candidates: 3, selected: 3, selectedAmountCents: 28_000_000 });

    // ── Notices financed per source; the worker's policy opens the quarterly report periods ──
    policy = new ReportPeriodsPolicy(api.app.get<EventStore>(EVENT_STORE), api.app.get(CommandService));
    policy.follow();
    api.clock.set('2026-06-15T09:00:00.000Z');
    const grantOf: Record<string, string> = {};
    for (const ags of APPLICANTS) {
      const issued = await api.http
        .post('/grants')
        .set(office)
        .send({
          phaseId: 'aufbau',
          ags,
          applicationId: `${CALL}.${ags}`,
          period: { from: '2026-07-01', to: '2027-12-31' },
          financing: financingOf(TIER_CENTS[ags]),
          conditions: ['Medienkonzept der Schulen bis 2026-12-31 vorlegen'],
          coordinator: { name: 'Bildungsbüro' },
        })
        .expect(201);
      grantOf[ags] = issued.body.id as string;
    }
    const unnaGrant = grantOf[KREIS_UNNA];
    const unna = await as(KREIS_UNNA);
    const grant = (await api.http.get(`/grants/${unnaGrant}`).set(unna).expect(200)).body;
    expect(grant).toMatchObject({
      programmeId: 'dbl',
      callId: CALL,
      phaseName: 'Aufbau',
      amountCents: 15_000_000,
      totalEligibleCents: 18_750_000,
      financingNames: [
        { sourceId: 'bund', name: 'Bund', cents: 9_375_000 },
        { sourceId: 'land', name: 'Land NRW', cents: 5_625_000 },
        { sourceId: 'own', name: 'Eigenmittel', cents: 3_750_000 },
      ],
    });
    await api.http
      .get(`/grants/${unnaGrant}`)
      .set(await as(DORTMUND))
      .expect(404);

    const periods = await eventually(
      async () => {
        const res = await api.http.get(`/grants/${unnaGrant}/reports`).set(unna).expect(200);
        const items = (Array.isArray(res.body) ? res.body : res.body.items) as Record<string, string>[];
        return items.length >= 6 ? items : undefined;
      },
      10_000,
      'the report periods of Kreis Unna’s grant',
    );
    expect(periods.map((r) => [r.periodId, r.from, r.to, r.dueDate].join(' '))).toEqual([
      '2026-Q3 2026-07-01 2026-09-30 2026-10-30',
      '2026-Q4 2026-10-01 2026-12-31 2027-01-30',
      '2027-Q1 2027-01-01 2027-03-31 2027-04-30',
      '2027-Q2 2027-04-01 2027-06-30 2027-07-30',
      '2027-Q3 2027-07-01 2027-09-30 2027-10-30',
      '2027-Q4 2027-10-01 2027-12-31 2028-01-30',
    ]);

    // ── A disbursement called and paid ──
    api.clock.set('2026-07-10T09:00:00.000Z');
    const called = await api.http
      .post(`/grants/${unnaGrant}/disbursements`)
      .set(unna)
      .send({ amountCents: 15_000_000, dueDate: '2026-08-31' })
      .expect(201);
    api.clock.set('2026-07-20T09:00:00.000Z');
    await api.http
      .post(`/grants/${unnaGrant}/disbursements/${called.body.disbursementId}/payment`)
      .set(office)
      .send({ paidOn: '2026-07-15' })
      .expect(201);

    // ── The first quarterly report with the programme's two indicators, accepted ──
    api.clock.set('2026-10-05T09:00:00.000Z');
    const reportId = `${unnaGrant}.2026-Q3`;
    await api.http
      .post(`/reports/${reportId}/submissions`)
      .set(unna)
      .send({
        // Per source of the notice: Bund, Land NRW and own funds (shares within the notice's 50/30 %).
        expenditure: [
          { sourceId: 'bund', cents: 750_000 },
          { sourceId: 'land', cents: 450_000 },
          { sourceId: 'own', cents: 800_000 },
        ],
        indicators: { 'schools-connected': 6, 'staff-qualified': 18 },
        narrative: 'Sechs Schulen an das Glasfasernetz angebunden, achtzehn Fachkräfte qualifiziert.',
      })
      .expect(201);
    await api.http.post(`/reports/${reportId}/acceptance`).set(office).expect(200);
    const report = (await api.http.get(`/reports/${reportId}`).set(unna).expect(200)).body;
    expect(report.status).toBe('accepted');
    expect(report.accepted.indicators).toEqual({ 'schools-connected': 6, 'staff-qualified': 18 });
    expect(report.accepted.expenditure).toEqual([
      { sourceId: 'bund', cents: 750_000 },
      { sourceId: 'land', cents: 450_000 },
      { sourceId: 'own', cents: 800_000 },
    ]);
    await api.http
      .get(`/reports/${reportId}`)
      .set(await as(DORTMUND))
      .expect(404);

    // ── Proof of use per source after the Aufbau phase, accepted ──
    api.clock.set('2028-02-01T09:00:00.000Z');
    await api.http
      .post(`/grants/${unnaGrant}/proof-of-use`)
      .set(unna)
      .send({
        factualReport: 'Alle 42 Schulen des Kreises angebunden, 120 Fachkräfte qualifiziert.',
        expenditure: financingOf(15_000_000),
      })
      .expect(201);
    const acceptance = (
      await api.http.post(`/grants/${unnaGrant}/proof-of-use/acceptance`).set(office).expect(200)
    ).body;
    expect(acceptance).toMatchObject({ refundableCents: 0 });
    const proven = (await api.http.get(`/grants/${unnaGrant}`).set(unna).expect(200)).body;
    expect(proven.proofOfUse).toMatchObject({ status: 'accepted', expenditure: financingOf(15_000_000) });

    // ── Funding totals per source, the office's only ──
    const totals = (await api.http.get('/programmes/dbl/funding-totals').set(office).expect(200)).body;
    expect(totals).toMatchObject({
      programmeId: 'dbl',
      programmeTitle: 'Digitale Bildungslandschaften NRW 2026',
    });
    // The programme's sources and no other.
    expect(totals.sources).toEqual([
      { sourceId: 'bund', name: 'Bund', kind: 'grant' },
      { sourceId: 'land', name: 'Land NRW', kind: 'grant' },
      { sourceId: 'own', name: 'Eigenmittel', kind: 'own' },
    ]);
    // 2026: the accepted report's money, per source of the programme.
    const year2026 = totals.years.find((y: { year: number }) => y.year === 2026);
    expect(year2026.bySource).toEqual([
      { sourceId: 'bund', cents: 750_000 },
      { sourceId: 'land', cents: 450_000 },
      { sourceId: 'own', cents: 800_000 },
    ]);
    const csv = await api.http.get('/programmes/dbl/funding-totals.csv').set(office).expect(200);
    expect(csv.text).toContain('Jahr;Bund (€);Land NRW (€);Eigenmittel (€);Gesamt (€)');
    await api.http.get('/programmes/dbl/funding-totals').set(unna).expect(403);

    // ── The evaluation with its own criteria; a survey on its own 5-step scale; answers; results ──
    api.clock.set('2028-02-20T09:00:00.000Z');
    await api.http
      .post('/evaluations')
      .set(office)
      .send({
        evaluationId: 'dbl-evaluation',
        programmeId: 'dbl',
        title: 'Evaluation „Digitale Bildungslandschaften NRW 2026“',
        criteria: CRITERIA,
      })
      .expect(201);
    // A phase the terms do not name, or a phase number (this programme names its phases), is
    // refused in German with its code, and nothing is written.
    const before = await api.store.headPosition();
    const refusedPhase = async (phaseSpec: object, code: string, german: RegExp) => {
      const res = await api.http
        .post('/evaluations/dbl-evaluation/surveys')
        .set(office)
        .send({
          ...SURVEY,
          surveyId: 'dbl-wrong-phase',
          questions: [{ ...SURVEY.questions[0], ...phaseSpec }],
        });
      expect([res.status, res.body.code, res.headers['content-type']]).toEqual([
        422,
        code,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
      expect(res.body.detail).toMatch(german);
    };
    await refusedPhase(
      { phaseIds: ['pilot'] },
      'unknown-phase',
      /seine Phasen sind „aufbau“ und „verstetigung“/,
    );
    await refusedPhase(
      { phaseIds: undefined, phases: [1] },
      'phase-number-not-mappable',
      /nummeriert seine Phasen nicht so/,
    );
    expect(await api.store.headPosition()).toBe(before);
    await api.http.post('/evaluations/dbl-evaluation/surveys').set(office).send(SURVEY).expect(201);
    api.clock.set('2028-03-10T09:00:00.000Z');
    const answersOf: Record<string, [string, string]> = {
      [KREIS_UNNA]: ['agree', 'rather-agree'],
      [HOLZWICKEDE]: ['rather-agree', 'neutral'],
    };
    for (const [ags, [schools, staff]] of Object.entries(answersOf))
      await api.http
        .post(`/surveys/${SURVEY.surveyId}/answers`)
        .set(await as(ags))
        .send({
          answers: [
            { questionId: 'schools', step: schools },
            { questionId: 'staff', step: staff },
          ],
        })
        .expect(201);
    // A step of another scale is refused.
    const offScale = await api.http
      .post(`/surveys/${SURVEY.surveyId}/answers`)
      .set(await as(KREIS_HOEXTER))
      .send({ answers: [{ questionId: 'schools', step: 'fully' }] });
    expect([offScale.status, offScale.headers['content-type']]).toEqual([
      422,
      expect.stringMatching(/^application\/problem\+json/),
    ]);
    await api.http
      .get(`/surveys/${SURVEY.surveyId}/results`)
      .set(await as(KREIS_UNNA))
      .expect(403);
    const results = (await api.http.get(`/surveys/${SURVEY.surveyId}/results`).set(evaluator).expect(200))
      .body;
    expect(results).toMatchObject({ recipients: 3, responded: 2 });
    expect(results.responseRate).toEqual({ numerator: 2, denominator: 3, percent: 67 });
    const question = (id: string) =>
      results.questions.find((q: { questionId: string }) => q.questionId === id);
    const tally = (id: string) =>
      (question(id).overall.steps as { step: string; label: string; count: number }[]).map((s) => [
        s.step,
        s.label,
        s.count,
      ]);
    expect(tally('schools')).toEqual([
      ['disagree', 'trifft nicht zu', 0],
      ['rather-disagree', 'trifft eher nicht zu', 0],
      ['neutral', 'teils, teils', 0],
      ['rather-agree', 'trifft eher zu', 1],
      ['agree', 'trifft voll zu', 1],
    ]);
    expect(tally('staff').map(([, , count]) => count)).toEqual([0, 0, 1, 1, 0]);
    // By phase, named as the terms name it: all three joined in "Aufbau".
    expect(
      question('schools').byPhase.map(
        (p: { phaseId: string; name: string; asked: number; answered: number }) => [
          p.phaseId,
          p.name,
          p.asked,
          p.answered,
        ],
      ),
    ).toEqual([['aufbau', 'Aufbau', 3, 2]]);
    const share = (
      await api.http
        .get(`/surveys/${SURVEY.surveyId}/results/share?question=schools&steps=rather-agree,agree`)
        .set(evaluator)
        .expect(200)
    ).body;
    expect(share).toMatchObject({ numerator: 2, denominator: 2, percent: 100 });

    // ── Nothing anyone read named ESF, a Förderphase or the Präventionsketten ──
    for (const ags of [...APPLICANTS, DORTMUND])
      for (const item of await inboxOf(ags))
        expect(`${item.headline}\n${item.text}`).not.toMatch(FOREIGN_WORDS);
    const naming = answered.filter((a) => FOREIGN_WORDS.test(a.body));
    expect(naming.map((a) => `${a.route} → ${FOREIGN_WORDS.exec(a.body)?.[0]}`)).toEqual([]);
    // Nor does any field or id name them, or the 2011 programme: the interim report too states its
    // money per source of the programme.
    expect(answered.filter((a) => /esf|phase-\d|kkz/i.test(a.body)).map((a) => a.route)).toEqual([]);
    // (What was recorded is what the API said: the call's title, the results' labels.)
    expect(answered.find((a) => a.route === `GET /calls/${CALL}`)?.body).toContain(PROGRAMME_DBL.title);
    expect(
      answered.find((a) => a.route === `GET /surveys/${SURVEY.surveyId}/results` && a.status === 200)?.body,
    ).toContain('trifft eher nicht zu');

    // ── A report in the 2011 form, or naming a source the notice does not, is refused; nothing written ──
    const q4 = `${unnaGrant}.2026-Q4`;
    const written = async () => (await api.store.readStream(`esf-report-${q4}`)).length;
    const reportEventsBefore = await written();
    const refusedWith = async (res: { status: number; body: Record<string, unknown>; headers: object }) => {
      expect(res.status).toBe(422);
      expect(res.headers).toMatchObject({
        'content-type': expect.stringMatching(/application\/problem\+json/),
      });
      return res.body;
    };
    const oldForm = await refusedWith(
      await api.http
        .post(`/reports/${q4}/submissions`)
        .set(unna)
        .send({
          expenditure: { esfCents: 0, landCents: 450_000, ownCents: 800_000 },
          indicators: { 'schools-connected': 1 },
          narrative: 'Eine Schule angebunden.',
        }),
    );
    expect(oldForm).toMatchObject({
      code: 'financing-form-not-applicable',
      sources: ['bund', 'land', 'own'],
    });
    expect(oldForm.detail).toContain('„bund“, „land“, „own“');
    const unknown = await refusedWith(
      await api.http
        .put(`/reports/${q4}`)
        .set(unna)
        .send({ expenditure: [{ sourceId: 'esf', cents: 1 }] }),
    );
    expect(unknown).toMatchObject({ code: 'financing-source-unknown', sourceId: 'esf' });
    expect(unknown.detail).toBe(
      '„esf“ ist keine Finanzierungsquelle dieser Zuwendung; berichtet wird je Quelle des Zuwendungsbescheids: „bund“, „land“, „own“.',
    );
    expect(await written()).toBe(reportEventsBefore);
  });
});
