import { TERMS_KKZ } from '@app/shared';
import { ProjectionRunner, rebuild } from '@app/eventsourcing';
import { grantsProjection } from '@app/grants';
import { BRUECKEN, DORTMUND, KREIS_UNNA, OBERHAUSEN, UNNA_MEMBERS } from './support/fixtures';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';
import { confirmMembers } from './support/joint-application';

const APPLICATION = `kkz-2011.${KREIS_UNNA}`;
const GRANT_1 = `kkz.phase-1.${KREIS_UNNA}`;
const GRANT_2 = `kkz.phase-2.${KREIS_UNNA}`;

/**
 * Phase I on the real programme's terms: a 64,000 EUR grant of 43,000 ESF + 21,000 Land, with
 * 22,000 EUR own funds on top; of the 86,000 EUR eligible total ESF is 50 %, Land 24.4 %, own 25.6 %.
 */
const FINANCING = { esfCents: 4_300_000, landCents: 2_100_000, ownCents: 2_200_000 };
const NOTICE = {
  phase: 1,
  ags: KREIS_UNNA,
  applicationId: APPLICATION,
  period: { from: '2012-03-01', to: '2015-06-30' },
  financing: FINANCING,
  conditions: ['Kreistagsbeschluss bis 2012-05-31 nachreichen'],
  coordinator: { name: 'Koordinierungsstelle Kreis Unna', email: 'praevention@kreis-unna.de' },
};

describe('grants over HTTP: notice, disbursements, continuation, revocation', () => {
  let api: TestApi;
  let office: Record<string, string>;
  let unna: Record<string, string>;
  let dortmund: Record<string, string>;

  /** The request refused with this status and code leaves the store as it was. */
  async function refused(
    send: () => Promise<{ status: number; headers: Record<string, string>; body: { code?: string } }>,
    status: number,
    code: string,
  ) {
    const before = await api.store.headPosition();
    const res = await send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await api.store.headPosition()).toBe(before);
    return res.body as Record<string, unknown>;
  }

  const post = (path: string, who: Record<string, string>, body: object = {}) =>
    api.http.post(path).set(who).send(body);
  const issue = (body: object = NOTICE) => post('/grants', office, body);
  const callFunds = (amountCents: number, dueDate: string, who = unna) =>
    post(`/grants/${GRANT_1}/disbursements`, who, { amountCents, dueDate });
  const pay = (paidOn: string) => post(`/grants/${GRANT_1}/disbursements/1/payment`, office, { paidOn });
  const revoke = (body: object, who = office) => post(`/grants/${GRANT_1}/revocations`, who, body);

  beforeEach(async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z' });
    office = bearer(await api.token('grants-office'));
    unna = bearer(await api.token('municipality', KREIS_UNNA));
    dortmund = bearer(await api.token('municipality', DORTMUND));
    await publishCall2011(api);
    await post('/calls/kkz-2011/expressions-of-interest', unna, {
      ...BRUECKEN,
      memberAgs: UNNA_MEMBERS,
    }).expect(201);
    await confirmMembers(api, APPLICATION, UNNA_MEMBERS);
    api.clock.set('2011-12-10T10:00:00.000Z');
    await post(`/expressions-of-interest/${APPLICATION}/submit`, unna).expect(200);
    // The selection context decides: formal check, assessment, selection (64,000 EUR tier).
    api.clock.set('2012-02-10T10:00:00.000Z');
    const application = `/expressions-of-interest/${APPLICATION}`;
    await post(`${application}/formal-check`, office).expect(201);
    await post(`${application}/assessments`, office, {
      scores: [{ criterionId: 'concept', score: 8 }],
    }).expect(201);
    await post(`${application}/decision`, office, {
      outcome: 'selected',
      reasons: ['Konzept überzeugt'],
    }).expect(201);
    api.clock.set('2012-02-20T09:00:00.000Z');
  });
  afterEach(() => api.close());

  it('issues the notice for the selected applicant with the selected amount; only office, auditor and the grantee see it', async () => {
    expect((await issue().expect(201)).body).toEqual({ id: GRANT_1, revision: 0 });
    const grant = (await api.http.get(`/grants/${GRANT_1}`).set(unna).expect(200)).body;
    expect(grant).toMatchObject({
      grantId: GRANT_1,
      programmeId: 'kkz',
      phaseId: 'phase-1',
      phaseName: 'Förderphase I',
      ags: KREIS_UNNA,
      applicationId: APPLICATION,
      callId: 'kkz-2011',
      amountCents: 6_400_000,
      // The request's deprecated object form is recorded as the programme's sources.
      financing: [
        { sourceId: 'esf', cents: 4_300_000 },
        { sourceId: 'land', cents: 2_100_000 },
        { sourceId: 'own', cents: 2_200_000 },
      ],
      totalEligibleCents: 8_600_000,
      rules: { version: 1, effectiveFrom: '2011-11-09' },
      disbursementWindowMonths: 2,
      interestPointsAboveBaseRate: 5,
      status: 'issued',
      entitlementCents: 6_400_000,
      issuedAt: '2012-02-20T09:00:00.000Z',
    });
    const auditor = bearer(await api.token('auditor'));
    expect((await api.http.get('/grants').set(auditor).expect(200)).body.items).toHaveLength(1);
    // People search by name: the municipality's name finds its grant, another name finds none.
    expect((await api.http.get('/grants?q=Kreis%20Unna').set(auditor).expect(200)).body.total).toBe(1);
    expect((await api.http.get('/grants?q=Dortmund').set(auditor).expect(200)).body.total).toBe(0);
    expect((await api.http.get('/grants').set(dortmund).expect(200)).body.items).toEqual([]);
    expect((await api.http.get(`/grants/${GRANT_1}`).set(dortmund).expect(404)).body.code).toBe('not-found');
    expect((await api.http.get(`/grants/${GRANT_1}/disbursements`).set(dortmund).expect(404)).body.code).toBe(
      'not-found',
    );
    const evaluator = bearer(await api.token('evaluator'));
    expect((await api.http.get('/grants').set(evaluator).expect(403)).body.code).toBe('forbidden-role');
    expect((await api.http.get(`/grants/${GRANT_1}`).set(evaluator).expect(403)).body.code).toBe(
      'forbidden-role',
    );
  });

  it('refuses notices the selection does not carry, and writes nothing', async () => {
    await refused(
      () => issue({ ...NOTICE, ags: OBERHAUSEN, applicationId: `kkz-2011.${OBERHAUSEN}` }),
      422,
      'applicant-not-selected',
    );
    await refused(() => issue({ ...NOTICE, amountCents: 6_400_001 }), 422, 'amount-above-selection');
    await refused(
      () => issue({ ...NOTICE, financing: { ...FINANCING, landCents: 2_099_999 } }),
      422,
      'financing-does-not-add-up',
    );
    // Own funds are not part of the grant: ESF + Land must make up the amount by themselves.
    const wholePlan = await refused(
      () =>
        issue({ ...NOTICE, financing: { esfCents: 3_200_000, landCents: 1_600_000, ownCents: 1_600_000 } }),
      422,
      'financing-does-not-add-up',
    );
    expect(wholePlan).toMatchObject({ sumCents: 4_800_000, amountCents: 6_400_000 });
    const esf = await refused(
      () => issue({ ...NOTICE, financing: { ...FINANCING, esfCents: 4_400_000, landCents: 2_000_000 } }),
      422,
      'esf-share-exceeded',
    );
    expect(esf).toMatchObject({ maxPercent: 50, esfCents: 4_400_000, totalEligibleCents: 8_600_000 });
    await refused(() => issue({ ...NOTICE, continuationOf: GRANT_1 }), 400, 'notice-basis-invalid');
    await refused(() => issue({ ...NOTICE, coordinator: { name: ' ' } }), 422, 'coordinator-missing');
    await refused(() => issue({ ...NOTICE, amountCents: 1.5 }), 400, 'validation-failed');
    await refused(
      () => issue({ ...NOTICE, period: { from: '2012-03-01', to: '9999-12-31' } }),
      400,
      'validation-failed',
    );
    await refused(() => issue({ ...NOTICE, bonus: true }), 400, 'validation-failed');
    await issue().expect(201);
    await refused(() => issue(), 409, 'grant-notice-exists');
  });

  it('lets the municipality call the whole grant (ESF + Land) in funds due within two months, never beyond the window or the amount', async () => {
    await issue().expect(201);
    api.clock.set('2012-03-05T09:00:00.000Z');
    const accepted = (await callFunds(2_000_000, '2012-05-05').expect(201)).body;
    expect(accepted).toEqual({ id: GRANT_1, revision: 1, disbursementId: '1' });
    const late = await refused(() => callFunds(100_000, '2012-05-06'), 422, 'disbursement-beyond-window');
    expect(late).toMatchObject({ latestDueDate: '2012-05-05', windowMonths: 2 });
    const tooMuch = await refused(() => callFunds(4_400_001, '2012-04-30'), 422, 'disbursement-beyond-grant');
    expect(tooMuch).toMatchObject({ remainingCents: 4_400_000 });
    // German by default, dates and euros as a German reader writes them; English on request.
    expect(late.detail).toBe(
      'Mittel dürfen nur für Zahlungen abgerufen werden, die innerhalb von 2 Monaten fällig werden, also bis zum 05.05.2012; der 06.05.2012 ist zu spät.',
    );
    expect(tooMuch.detail).toMatch(
      /^Von der Zuwendung können nur noch 44\.000,00\s€ abgerufen werden; 44\.000,01\s€ sind zu viel\.$/,
    );
    const english = await callFunds(4_400_001, '2012-04-30').set('Accept-Language', 'en').expect(422);
    expect(english.body.detail).toBe(
      'Only 4400000 cents of the grant remain to be called; 4400001 cents is too much.',
    );
    await refused(() => callFunds(100, '2012-03-04'), 422, 'disbursement-due-date-passed');
    await refused(() => callFunds(100, '2012-04-30', dortmund), 404, 'not-found');
    await refused(() => callFunds(100, '2012-04-30', office), 403, 'forbidden-role');
    await callFunds(4_400_000, '2012-04-30').expect(201);
    const listed = (await api.http.get(`/grants/${GRANT_1}/disbursements`).set(unna).expect(200)).body.items;
    expect(
      listed.map((d: { disbursementId: string; amountCents: number; status: string }) => [
        d.disbursementId,
        d.amountCents,
        d.status,
      ]),
    ).toEqual([
      ['1', 2_000_000, 'requested'],
      ['2', 4_400_000, 'requested'],
    ]);
    // The office's worklist: grants with funds called and not yet paid; none with a proof to review.
    const toPay = (await api.http.get('/grants?attention=funds-to-pay').set(office).expect(200)).body;
    expect(toPay.items.map((g: { grantId: string }) => g.grantId)).toEqual([GRANT_1]);
    const toReview = await api.http.get('/grants?attention=proof-of-use-to-review').set(office).expect(200);
    expect(toReview.body.total).toBe(0);
    expect((await api.http.get('/grants?attention=everything').set(office).expect(400)).body.code).toBe(
      'validation-failed',
    );
  });

  it('continues a phase-I grant into phase II without a selection, under the rules in force then', async () => {
    await issue().expect(201);
    api.clock.set('2016-05-01T09:00:00.000Z');
    const rules = { ...TERMS_KKZ, disbursementWindowMonths: 3 };
    await post('/programmes/kkz/rules', office, { version: 2, effectiveFrom: '2016-06-01', rules }).expect(
      201,
    );
    api.clock.set('2016-12-01T09:00:00.000Z');
    const continuation = {
      phase: 2,
      ags: KREIS_UNNA,
      continuationOf: GRANT_1,
      amountCents: 6_400_000,
      period: { from: '2017-01-01', to: '2020-12-31' },
      financing: FINANCING,
      conditions: [],
      coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
    };
    await refused(
      () => issue({ ...continuation, continuationOf: `kkz.phase-1.${DORTMUND}` }),
      422,
      'continued-grant-unknown',
    );
    await refused(
      () => issue({ ...continuation, period: { from: '2015-01-01', to: '2018-12-31' } }),
      422,
      'continuation-period-overlaps',
    );
    expect((await issue(continuation).expect(201)).body).toEqual({ id: GRANT_2, revision: 0 });
    const phase2 = (await api.http.get(`/grants/${GRANT_2}`).set(unna).expect(200)).body;
    expect(phase2).toMatchObject({
      phaseId: 'phase-2',
      continuationOf: GRANT_1,
      rules: { version: 2, effectiveFrom: '2016-06-01' },
      disbursementWindowMonths: 3,
    });
    expect(phase2.applicationId).toBeUndefined();
    expect((await api.http.get(`/grants/${GRANT_1}`).set(office).expect(200)).body.continuedBy).toBe(GRANT_2);
    expect(
      (await api.http.get('/grants?phase=2').set(office).expect(200)).body.items.map(
        (g: { grantId: string }) => g.grantId,
      ),
    ).toEqual([GRANT_2]);
    await refused(() => issue(continuation), 409, 'grant-notice-exists');
  });

  it('revokes in part and charges interest on the refund per day, as computed by hand', async () => {
    await issue().expect(201);
    api.clock.set('2012-03-05T09:00:00.000Z');
    await callFunds(2_000_000, '2012-04-30').expect(201);
    api.clock.set('2012-03-20T09:00:00.000Z');
    await pay('2012-03-15').expect(201);
    await refused(() => pay('2012-03-15'), 409, 'disbursement-already-paid');

    api.clock.set('2014-03-10T09:00:00.000Z');
    const revocation = {
      scope: 'partial',
      revokedCents: 5_000_000,
      effectiveDate: '2012-03-01',
      refundDueDate: '2014-04-10',
      reason: 'Präventionskette nur in Teilen aufgebaut',
    };
    await refused(
      () => revoke({ ...revocation, refundDueDate: '2014-03-09' }),
      422,
      'refund-due-date-invalid',
    );
    await refused(
      () => revoke({ ...revocation, revokedCents: 6_400_000 }),
      422,
      'revocation-exceeds-entitlement',
    );
    await refused(() => revoke(revocation, unna), 403, 'forbidden-role');
    // 64,000 EUR granted, 20,000 paid on 2012-03-15; 50,000 revoked → 14,000 left, 6,000 to refund.
    // Interest at 5 points above the base rate, 600,000 ct × rate × days / 365, each half-year rounded half up:
    //   2012-03-15..2012-07-01  108 d × 5.12 % =  9,089.75 →  9,090
    //   2012-07-01..2013-01-01  184 d × 5.12 % = 15,486.25 → 15,486
    //   2013-01-01..2013-07-01  181 d × 4.87 % = 14,489.92 → 14,490
    //   2013-07-01..2014-01-01  184 d × 4.62 % = 13,973.92 → 13,974
    //   2014-01-01..2014-04-10   99 d × 4.37 % =  7,111.73 →  7,112      total 60,152 ct = 601.52 EUR
    // The office sees the refund and its interest before it confirms; the preview writes nothing.
    const previewOf = (query: string, who = office) =>
      api.http.get(`/grants/${GRANT_1}/revocation-preview?${query}`).set(who);
    const query = 'scope=partial&revokedCents=5000000&effectiveDate=2012-03-01&refundDueDate=2014-04-10';
    const before = await api.store.headPosition();
    const preview = (await previewOf(query).expect(200)).body;
    expect(await api.store.headPosition()).toBe(before);
    expect(preview).toMatchObject({
      revokedCents: 5_000_000,
      entitlementCents: 1_400_000,
      refundCents: 600_000,
      interest: { totalCents: 60_152 },
    });
    await refused(() => previewOf(query, unna), 403, 'forbidden-role');
    await refused(() => previewOf(query, dortmund), 403, 'forbidden-role');
    await refused(() => previewOf(query.replace('2014-04-10', '2014-03-09')), 422, 'refund-due-date-invalid');
    const answer = (await revoke(revocation).expect(201)).body;
    expect(answer).toEqual({ id: GRANT_1, revision: 3, refundCents: 600_000, interestCents: 60_152 });

    const grant = (await api.http.get(`/grants/${GRANT_1}`).set(unna).expect(200)).body;
    expect(grant).toMatchObject({
      status: 'partially-revoked',
      paidCents: 2_000_000,
      revokedCents: 5_000_000,
      entitlementCents: 1_400_000,
      refundCents: 600_000,
      refundInterestCents: 60_152,
    });
    const { interest } = grant.revocations[0];
    expect(interest).toEqual(preview.interest);
    expect(interest).toMatchObject({
      pointsAboveBaseRate: 5,
      dayCount: 'actual/365',
      rounding: 'half-up-per-segment',
      until: '2014-04-10',
    });
    const segments = interest.portions[0].segments.map((x: Record<string, unknown>) => Object.values(x));
    expect(segments).toEqual([
      ['2012-03-15', '2012-07-01', 108, 0.12, 5.12, 9_090],
      ['2012-07-01', '2013-01-01', 184, 0.12, 5.12, 15_486],
      ['2013-01-01', '2013-07-01', 181, -0.13, 4.87, 14_490],
      ['2013-07-01', '2014-01-01', 184, -0.38, 4.62, 13_974],
      ['2014-01-01', '2014-04-10', 99, -0.63, 4.37, 7_112],
    ]);
    expect(Object.keys(interest.portions[0].segments[0])).toEqual([
      'from',
      'to',
      'days',
      'baseRatePercent',
      'ratePercent',
      'interestCents',
    ]);
    // Nothing more can be called: 20,000 requested already exceeds the 14,000 left.
    await refused(() => callFunds(100, '2014-04-30'), 422, 'disbursement-beyond-grant');

    await revoke({ ...revocation, scope: 'full', revokedCents: undefined }).expect(201);
    await refused(() => revoke(revocation), 422, 'grant-revoked');
    await refused(() => callFunds(100, '2014-04-30'), 422, 'grant-revoked');

    // The read model rebuilt from the store equals the one kept live.
    const live = api.app.get(ProjectionRunner).state(grantsProjection);
    expect(rebuild(grantsProjection, await api.store.readAll())).toEqual(live);
    expect(live.byId.get(GRANT_1)?.status).toBe('revoked');
  });

  it('charges interest until a late refund is paid, not only until it was due (§ 49a Abs. 3 VwVfG)', async () => {
    const refund = (body: object, who = office) => post(`/grants/${GRANT_1}/refunds`, who, body);
    await issue().expect(201);
    api.clock.set('2012-03-05T09:00:00.000Z');
    await callFunds(2_000_000, '2012-04-30').expect(201);
    api.clock.set('2012-03-20T09:00:00.000Z');
    await pay('2012-03-15').expect(201);
    api.clock.set('2014-03-10T09:00:00.000Z');
    await refused(() => refund({ paidOn: '2014-03-10', amountCents: 100 }), 422, 'no-refund-outstanding');
    await revoke({
      scope: 'partial',
      revokedCents: 5_000_000,
      effectiveDate: '2012-03-01',
      refundDueDate: '2014-04-10',
      reason: 'Präventionskette nur in Teilen aufgebaut',
    }).expect(201);

    api.clock.set('2014-06-01T09:00:00.000Z');
    await refused(() => refund({ paidOn: '2014-05-20', amountCents: 600_000 }, unna), 403, 'forbidden-role');
    await refused(
      () => refund({ paidOn: '2014-05-20', amountCents: 600_001 }),
      422,
      'refund-payment-exceeds-outstanding',
    );
    await refused(
      () => refund({ paidOn: '2014-06-02', amountCents: 600_000 }),
      422,
      'refund-payment-date-invalid',
    );
    await refused(() => refund({ paidOn: '2014-05-20', amountCents: 0 }), 400, 'validation-failed');
    await refused(() => refund({ paidOn: '2014-02-30', amountCents: 600_000 }), 400, 'validation-failed');

    // Due 10 April, paid 20 May: 40 more days on 6,000 EUR at −0.63 % + 5 = 4.37 % → 2,873.42 → 2,873 ct.
    const answer = (await refund({ paidOn: '2014-05-20', amountCents: 600_000 }).expect(201)).body;
    expect(answer).toEqual({
      id: GRANT_1,
      revision: 4,
      refundPaymentId: '1',
      outstandingCents: 0,
      lateInterestCents: 2_873,
    });
    const [event] = (await api.store.readStream(`grant-${GRANT_1}`)).slice(-1);
    expect(event.type).toBe('RefundPaid');
    expect(event.data).toMatchObject({
      amountCents: 600_000,
      paidOn: '2014-05-20',
      settles: [{ revocation: 1, refundDueDate: '2014-04-10', disbursementId: '1', principalCents: 600_000 }],
      lateInterest: {
        until: '2014-05-20',
        totalCents: 2_873,
        portions: [{ principalCents: 600_000, from: '2014-04-10', to: '2014-05-20', interestCents: 2_873 }],
      },
    });
    await refused(() => refund({ paidOn: '2014-05-20', amountCents: 1 }), 422, 'no-refund-outstanding');
  });

  it('answers 400 to a grant id that is not an id', async () => {
    expect((await api.http.get('/grants/a..b').set(office).expect(400)).body.code).toBe('invalid-id');
  });
});
