import { readPdf } from '@app/documents/testing/pdf-text';
import { ProjectionRunner } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { DORTMUND, KREIS_UNNA } from './support/fixtures';
import { bearer, startTestApi, type TestApi } from './support/test-api';

/**
 * A grant of a programme that is not the first one, "Digitale Bildungslandschaften NRW 2026":
 * sources Bund (≤ 50 %), Land NRW (≤ 30 %) and own funds (≥ 20 %), phases "Aufbau" and
 * "Verstetigung". Kreis Unna, selected in the call for 150,000 €, gets its notice with its
 * financing per source, calls and receives funds, is continued into Verstetigung, and proves the
 * use of its Aufbau grant by source; nothing it reads names ESF or a Förderphase.
 */
jest.setTimeout(180_000);

const CALL = 'dbl-2026';
const APPLICATION = `${CALL}.${KREIS_UNNA}`;
const AUFBAU = `${CALL}.${KREIS_UNNA}`;
const VERSTETIGUNG = `dbl.verstetigung.${KREIS_UNNA}`;

const TERMS = {
  sources: [
    { sourceId: 'bund', name: 'Bund', kind: 'grant', maxPercent: 50 },
    { sourceId: 'land', name: 'Land NRW', kind: 'grant', maxPercent: 30 },
    { sourceId: 'own', name: 'Eigenmittel', kind: 'own', minPercent: 20 },
  ],
  councilResolution: 'not-required',
  resolutionFollowUpDays: 60,
  coordinatorRequired: false,
  disbursementWindowMonths: 2,
  proofOfUseMonths: 6,
  interestPointsAboveBaseRate: 5,
  reporting: {
    schedule: { frequency: 'quarterly', anchor: 'calendar', due: { daysAfterPeriodEnd: 30 } },
    indicators: [
      {
        indicatorId: 'schools-connected',
        name: 'Schulen angebunden',
        unit: 'Anzahl',
        type: 'integer',
        required: true,
      },
    ],
  },
  phases: [
    { phaseId: 'aufbau', name: 'Aufbau', durationMonths: 18 },
    { phaseId: 'verstetigung', name: 'Verstetigung', durationMonths: 24 },
  ],
};

/** 150,000 € eligible: Bund 75,000 + Land 45,000 = the 120,000 € grant, 30,000 € own funds. */
const plan = (bund: number, land: number, own: number) => [
  { sourceId: 'bund', cents: bund },
  { sourceId: 'land', cents: land },
  { sourceId: 'own', cents: own },
];
const NOTICE = {
  phaseId: 'aufbau',
  ags: KREIS_UNNA,
  applicationId: APPLICATION,
  period: { from: '2026-07-01', to: '2027-12-31' },
  financing: plan(7_500_000, 4_500_000, 3_000_000),
  conditions: ['Medienkonzept der Schulen bis 2026-12-31 vorlegen'],
  coordinator: { name: 'Bildungsbüro Kreis Unna' },
};

describe('a grant of a Bund/Land programme with named phases', () => {
  let api: TestApi;
  let office: Record<string, string>;
  let unna: Record<string, string>;
  let dortmund: Record<string, string>;

  /** A refusal as problem+json with its code, a German sentence, and nothing written. */
  async function refused(body: object, status: number, code: string, sentence: RegExp) {
    const before = await api.store.headPosition();
    const res = await api.http.post('/grants').set(office).send(body);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(sentence);
    expect(await api.store.headPosition()).toBe(before);
    return res;
  }

  beforeAll(async () => {
    api = await startTestApi({ now: '2026-01-05T09:00:00.000Z' });
    office = bearer(await api.token('grants-office'));
    unna = bearer(await api.token('municipality', KREIS_UNNA));
    dortmund = bearer(await api.token('municipality', DORTMUND));
    await api.http
      .post('/programmes')
      .set(office)
      .send({ programmeId: 'dbl', title: 'Digitale Bildungslandschaften NRW 2026', holidayRegion: 'NW' })
      .expect(201);
    await api.http
      .post('/programmes/dbl/rules')
      .set(office)
      .send({ version: 1, effectiveFrom: '2026-01-05', label: 'Förderbedingungen 2026', rules: TERMS })
      .expect(201);
    await api.http
      .post('/programmes/dbl/calls')
      .set(office)
      .send({
        callId: CALL,
        title: 'Aufruf „Digitale Bildungslandschaften NRW 2026“',
        eligibleApplicantTypes: ['kreisangehoerige-gemeinde', 'kreis'],
        closing: { date: '2026-03-15', rule: 'statutory-shift' },
        fundingTiers: [{ minPopulation: 0, amountEur: 150_000 }],
        conditions: { councilResolution: 'not-required', coordinatorRequired: false },
        phaseId: 'aufbau',
      })
      .expect(201);
    // The selection context's decision, by its event contract (docs/events.md).
    const { position } = await api.store.appendToStream(
      `selection-${APPLICATION}`,
      [
        newEvent(
          'SubmissionSelected',
          {
            applicationId: APPLICATION,
            callId: CALL,
            programmeId: 'dbl',
            ags: KREIS_UNNA,
            members: [],
            amountCents: 12_000_000,
            reasons: ['Rang 1'],
            rules: { version: 1, effectiveFrom: '2026-01-05' },
          },
          { actor: { subject: 'selection-test-setup', role: 'grants-office' } },
        ),
      ],
      'any',
    );
    await api.app.get(ProjectionRunner).waitFor(position);
    api.clock.set('2026-06-15T09:00:00.000Z');
  });
  afterAll(() => api?.close());

  it('refuses a notice whose financing does not fit the programme’s sources, in German, writing nothing', async () => {
    await refused(
      { ...NOTICE, financing: [...NOTICE.financing, { sourceId: 'esf', cents: 0 }] },
      422,
      'financing-source-unknown',
      /„esf“ ist keine Finanzierungsquelle des Programms; möglich: „bund“, „land“, „own“/,
    );
    await refused(
      { ...NOTICE, financing: { esfCents: 7_500_000, landCents: 4_500_000, ownCents: 3_000_000 } },
      422,
      'financing-form-not-applicable',
      /nur für Programme mit den Quellen ESF, Land und Eigenmittel/,
    );
    const bund = await refused(
      { ...NOTICE, financing: plan(7_500_001, 4_499_999, 3_000_000) },
      422,
      'source-share-exceeded',
      /Der Anteil „Bund“ darf höchstens 50\s%/,
    );
    expect(bund.body).toMatchObject({ sourceId: 'bund', percent: 50, totalEligibleCents: 15_000_000 });
    await refused({ ...NOTICE, phaseId: 'phase-1' }, 422, 'phase-unknown', /„phase-1“ ist keine Phase/);
    await refused({ ...NOTICE, phaseId: 'verstetigung' }, 422, 'phase-not-of-call', /Phase „Aufbau“/);
    const english = await api.http
      .post('/grants')
      .set(office)
      .set('Accept-Language', 'en')
      .send({ ...NOTICE, financing: plan(7_500_001, 4_499_999, 3_000_000) })
      .expect(422);
    expect(english.body.detail).toMatch(/The share "Bund" may be at most 50 %/);
  });

  it('issues the notice by source and phase, named after its call; the notice says Bund and Aufbau, never ESF', async () => {
    expect((await api.http.post('/grants').set(office).send(NOTICE).expect(201)).body).toEqual({
      id: AUFBAU,
      revision: 0,
    });
    const grant = (await api.http.get(`/grants/${AUFBAU}`).set(unna).expect(200)).body;
    expect(grant).toMatchObject({
      grantId: AUFBAU,
      programmeId: 'dbl',
      callId: CALL,
      phaseId: 'aufbau',
      phaseName: 'Aufbau',
      amountCents: 12_000_000,
      totalEligibleCents: 15_000_000,
      financing: plan(7_500_000, 4_500_000, 3_000_000),
      financingNames: [
        { sourceId: 'bund', name: 'Bund', cents: 7_500_000 },
        { sourceId: 'land', name: 'Land NRW', cents: 4_500_000 },
        { sourceId: 'own', name: 'Eigenmittel', cents: 3_000_000 },
      ],
    });
    expect(JSON.stringify(grant)).not.toMatch(/ESF|esf|Förderphase|phase-\d/);
    const [stored] = await api.store.readStream(`grant-${AUFBAU}`);
    expect(stored.metadata.schemaVersion).toBe(2);
    expect(stored.data).not.toHaveProperty('phase');

    const pdf = await api.http
      .get(`/grants/${AUFBAU}/notice.pdf`)
      .set(unna)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const { text } = readPdf(pdf.body as Buffer);
    expect(text).toContain('Digitale Bildungslandschaften NRW 2026');
    expect(text).toContain('Aufbau');
    expect(text).toContain('Bund');
    expect(text).toContain('Land NRW');
    expect(text).toContain('Eigenmittel');
    // (The letterhead is the grants office's own, from GRANTS_OFFICE_FILE.)
    expect(text).not.toMatch(/ESF|Europäischer Sozialfonds|Förderphase|Präventionskette von/);

    // Another municipality does not see it; the list filters by the phase's id.
    await api.http.get(`/grants/${AUFBAU}`).set(dortmund).expect(404);
    const listed = (await api.http.get('/grants?phaseId=aufbau').set(office).expect(200)).body.items;
    expect(listed.map((g: { grantId: string }) => g.grantId)).toEqual([AUFBAU]);
  });

  it('pays out, continues into Verstetigung by the next phase, and takes the proof of use by source', async () => {
    api.clock.set('2026-07-10T09:00:00.000Z');
    const { body } = await api.http
      .post(`/grants/${AUFBAU}/disbursements`)
      .set(unna)
      .send({ amountCents: 6_000_000, dueDate: '2026-08-31' })
      .expect(201);
    api.clock.set('2026-07-20T09:00:00.000Z');
    await api.http
      .post(`/grants/${AUFBAU}/disbursements/${body.disbursementId}/payment`)
      .set(office)
      .send({ paidOn: '2026-07-15' })
      .expect(201);
    // Anteilsfinanzierung: the payment is borne by Bund and Land as the plan shares the grant
    // (75,000 : 45,000), own funds take no part.
    const paid = (await api.http.get(`/grants/${AUFBAU}/disbursements`).set(unna).expect(200)).body.items;
    expect(paid).toEqual([
      expect.objectContaining({
        amountCents: 6_000_000,
        status: 'paid',
        bySource: [
          { sourceId: 'bund', name: 'Bund', cents: 3_750_000 },
          { sourceId: 'land', name: 'Land NRW', cents: 2_250_000 },
        ],
      }),
    ]);

    // The continuation takes the phase after Aufbau without being told; it cannot be Aufbau again.
    api.clock.set('2027-11-15T09:00:00.000Z');
    const continuation = {
      ags: KREIS_UNNA,
      continuationOf: AUFBAU,
      amountCents: 8_000_000,
      period: { from: '2028-01-01', to: '2029-12-31' },
      financing: plan(5_000_000, 3_000_000, 2_000_000),
      conditions: [],
      coordinator: { name: 'Bildungsbüro Kreis Unna' },
    };
    await refused(
      { ...continuation, phaseId: 'aufbau' },
      422,
      'continuation-phase-mismatch',
      /folgende Phase „Verstetigung“/,
    );
    expect((await api.http.post('/grants').set(office).send(continuation).expect(201)).body.id).toBe(
      VERSTETIGUNG,
    );
    expect((await api.http.get(`/grants/${VERSTETIGUNG}`).set(unna).expect(200)).body).toMatchObject({
      phaseId: 'verstetigung',
      phaseName: 'Verstetigung',
      continuationOf: AUFBAU,
    });

    api.clock.set('2028-02-01T09:00:00.000Z');
    const proof = (expenditure: unknown) =>
      api.http
        .post(`/grants/${AUFBAU}/proof-of-use`)
        .set(unna)
        .send({ factualReport: 'Alle 42 Schulen des Kreises angebunden.', expenditure });
    const unknown = await proof([{ sourceId: 'esf', cents: 1 }]).expect(422);
    expect(unknown.body).toMatchObject({ code: 'financing-source-unknown' });
    const beyond = await proof(plan(7_500_001, 4_000_000, 3_000_000)).expect(422);
    expect(beyond.body).toMatchObject({ code: 'proof-of-use-beyond-grant', source: 'bund' });
    expect(beyond.body.detail).toMatch(/„Bund“/);
    // 140,000 € spent: Bund 70,000 (50 %), Land 42,000 (30 %), own funds 28,000.
    const receipt = (await proof(plan(7_000_000, 4_200_000, 2_800_000)).expect(201)).body;
    expect(receipt).toMatchObject({ submission: 1, refundableCents: 0 });
    const grant = (await api.http.get(`/grants/${AUFBAU}`).set(office).expect(200)).body;
    expect(grant.proofOfUse).toMatchObject({
      status: 'submitted',
      expenditure: plan(7_000_000, 4_200_000, 2_800_000),
      publicUsedCents: 11_200_000,
    });
  });

  it('lists the programme’s sources by name in its funding totals, reachable by no municipality', async () => {
    const totals = (await api.http.get('/programmes/dbl/funding-totals').set(office).expect(200)).body;
    expect(totals).toMatchObject({
      programmeId: 'dbl',
      programmeTitle: 'Digitale Bildungslandschaften NRW 2026',
      sources: [
        { sourceId: 'bund', name: 'Bund', kind: 'grant' },
        { sourceId: 'land', name: 'Land NRW', kind: 'grant' },
        { sourceId: 'own', name: 'Eigenmittel', kind: 'own' },
      ],
    });
    const csv = await api.http.get('/programmes/dbl/funding-totals.csv').set(office).expect(200);
    expect(csv.text).toContain('Jahr;Bund (€);Land NRW (€);Eigenmittel (€);Gesamt (€)');
    await api.http.get('/programmes/dbl/funding-totals').set(unna).expect(403);
    await api.http.get('/programmes/dbl/funding-totals.xlsx').set(dortmund).expect(403);
  });
});
