import { ProjectionRunner, rebuild } from '@app/eventsourcing';
import { grantsProjection } from '@app/grants';
import { BRUECKEN, DORTMUND, KREIS_UNNA, UNNA_MEMBERS } from './support/fixtures';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';
import { confirmMembers } from './support/joint-application';

const APPLICATION = `kkz-2011.${KREIS_UNNA}`;
const GRANT = `kkz.phase-1.${KREIS_UNNA}`;
const PROOF = `/grants/${GRANT}/proof-of-use`;

/** 43,000 ESF + 21,000 Land granted on 86,000 EUR eligible; the period ends on 30 June 2015. */
const NOTICE = {
  phase: 1,
  ags: KREIS_UNNA,
  applicationId: APPLICATION,
  period: { from: '2012-03-01', to: '2015-06-30' },
  financing: { esfCents: 4_300_000, landCents: 2_100_000, ownCents: 2_200_000 },
  conditions: [],
  coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
};

/** 60,000 EUR of public money spent (ESF 47 %, Land 23.5 % of 85,000 EUR): 4,000 EUR were paid too much. */
const PROOF_BODY = {
  factualReport: 'Präventionskette von der Geburt bis zum Berufseinstieg in allen vier Städten aufgebaut.',
  expenditure: { esfCents: 4_000_000, landCents: 2_000_000, ownCents: 2_500_000 },
  note: 'Belege liegen bei der Kreiskasse bereit',
};

describe('proof of use (Verwendungsnachweis) over HTTP', () => {
  let api: TestApi;
  let office: Record<string, string>;
  let unna: Record<string, string>;

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
  const submit = (body: object = PROOF_BODY, who = unna) => post(PROOF, who, body);
  const grant = async () => (await api.http.get(`/grants/${GRANT}`).set(office).expect(200)).body;

  async function callAndPay(id: string, amountCents: number, year: number) {
    api.clock.set(`${year}-03-05T09:00:00.000Z`);
    await post(`/grants/${GRANT}/disbursements`, unna, { amountCents, dueDate: `${year}-04-30` }).expect(201);
    api.clock.set(`${year}-03-20T09:00:00.000Z`);
    await post(`/grants/${GRANT}/disbursements/${id}/payment`, office, { paidOn: `${year}-03-15` }).expect(
      201,
    );
  }

  beforeEach(async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z' });
    office = bearer(await api.token('grants-office'));
    unna = bearer(await api.token('municipality', KREIS_UNNA));
    await publishCall2011(api);
    await post('/calls/kkz-2011/expressions-of-interest', unna, {
      ...BRUECKEN,
      memberAgs: UNNA_MEMBERS,
    }).expect(201);
    await confirmMembers(api, APPLICATION, UNNA_MEMBERS);
    api.clock.set('2011-12-10T10:00:00.000Z');
    await post(`/expressions-of-interest/${APPLICATION}/submit`, unna).expect(200);
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
    await post('/grants', office, NOTICE).expect(201);
    // The whole grant called and paid: 40,000 EUR in 2012, 24,000 EUR in 2013.
    await callAndPay('1', 4_000_000, 2012);
    await callAndPay('2', 2_400_000, 2013);
  });
  afterEach(() => api.close());

  it('takes the proof after the funding period, lets the office return it and accept the correction', async () => {
    // 23:00 in Berlin on 30 June 2015: still the funding period.
    api.clock.set('2015-06-30T21:00:00.000Z');
    const early = await refused(() => submit(), 422, 'proof-of-use-before-period-end');
    expect(early).toMatchObject({ today: '2015-06-30', periodTo: '2015-06-30' });
    expect((await grant()).proofOfUse).toEqual({
      status: 'not-submitted',
      submission: 0,
      refundableCents: 0,
      returns: [],
    });

    api.clock.set('2015-11-30T09:00:00.000Z');
    const receipt = (await submit().expect(201)).body;
    expect(receipt).toEqual({ id: GRANT, revision: 5, submission: 1, refundableCents: 400_000 });
    expect((await grant()).proofOfUse).toEqual({
      status: 'submitted',
      submission: 1,
      submittedAt: '2015-11-30T09:00:00.000Z',
      factualReport: PROOF_BODY.factualReport,
      // The deprecated object form, recorded by the programme's sources.
      expenditure: [
        { sourceId: 'esf', cents: 4_000_000 },
        { sourceId: 'land', cents: 2_000_000 },
        { sourceId: 'own', cents: 2_500_000 },
      ],
      note: PROOF_BODY.note,
      publicUsedCents: 6_000_000,
      refundableCents: 400_000,
      returns: [],
    });
    await refused(() => submit(), 409, 'proof-of-use-exists');
    await refused(
      () => post(`${PROOF}/return`, office, { remarks: ' ' }),
      422,
      'proof-of-use-remarks-missing',
    );

    api.clock.set('2016-01-15T09:00:00.000Z');
    const remarks = 'Landesmittel weichen vom ESF-Bericht 2015 ab; bitte abgleichen';
    expect((await post(`${PROOF}/return`, office, { remarks }).expect(200)).body).toEqual({
      id: GRANT,
      revision: 6,
    });
    await refused(() => post(`${PROOF}/acceptance`, office), 409, 'proof-of-use-not-awaiting-review');
    expect((await grant()).proofOfUse).toMatchObject({
      status: 'returned',
      submission: 1,
      returns: [{ submission: 1, remarks, returnedAt: '2016-01-15T09:00:00.000Z' }],
    });

    // The correction: 1,000 EUR less Land money, so 5,000 EUR to refund.
    api.clock.set('2016-01-20T09:00:00.000Z');
    const corrected = { ...PROOF_BODY, expenditure: { ...PROOF_BODY.expenditure, landCents: 1_900_000 } };
    expect((await submit(corrected).expect(201)).body).toMatchObject({
      submission: 2,
      refundableCents: 500_000,
    });

    api.clock.set('2016-02-01T09:00:00.000Z');
    expect((await post(`${PROOF}/acceptance`, office).expect(200)).body).toEqual({
      id: GRANT,
      revision: 8,
      refundableCents: 500_000,
    });
    await refused(() => post(`${PROOF}/acceptance`, office), 409, 'proof-of-use-not-awaiting-review');
    await refused(() => submit(corrected), 409, 'proof-of-use-exists');
    const accepted = await grant();
    expect(accepted.status).toBe('issued');
    expect(accepted.proofOfUse).toMatchObject({
      status: 'accepted',
      submission: 2,
      acceptedAt: '2016-02-01T09:00:00.000Z',
      publicUsedCents: 5_900_000,
      refundableCents: 500_000,
    });
    const types = (await api.store.readStream(`grant-${GRANT}`)).map((e) => e.type);
    expect(types.slice(5)).toEqual([
      'ProofOfUseSubmitted',
      'ProofOfUseReturned',
      'ProofOfUseSubmitted',
      'ProofOfUseAccepted',
    ]);

    // Nothing is revoked by the proof itself; once the office claims the overpayment back by a
    // partial revocation, nothing is left to refund.
    await post(`/grants/${GRANT}/revocations`, office, {
      scope: 'partial',
      revokedCents: 500_000,
      effectiveDate: '2016-02-01',
      refundDueDate: '2016-03-01',
      reason: 'Verwendungsnachweis: 5.000 EUR nicht verwendet',
    }).expect(201);
    expect((await grant()).proofOfUse).toMatchObject({ status: 'accepted', refundableCents: 0 });
    const live = api.app.get(ProjectionRunner).state(grantsProjection);
    expect(rebuild(grantsProjection, await api.store.readAll())).toEqual(live);
  });

  it('lets only the grantee submit, and only the office review; another municipality does not see the grant', async () => {
    api.clock.set('2015-11-30T09:00:00.000Z');
    const dortmund = bearer(await api.token('municipality', DORTMUND));
    await refused(() => submit(PROOF_BODY, dortmund), 404, 'not-found');
    for (const role of ['grants-office', 'auditor', 'evaluator'] as const)
      await refused(async () => submit(PROOF_BODY, bearer(await api.token(role))), 403, 'forbidden-role');
    await refused(() => post(`${PROOF}/return`, unna, { remarks: 'selbst zurück' }), 403, 'forbidden-role');
    await refused(() => post(`${PROOF}/acceptance`, unna), 403, 'forbidden-role');
    const evaluator = bearer(await api.token('evaluator'));
    await refused(() => post(`${PROOF}/acceptance`, evaluator), 403, 'forbidden-role');
    await refused(() => post(`${PROOF}/acceptance`, office), 409, 'proof-of-use-not-awaiting-review');
    await refused(
      () => post(`/grants/kkz.phase-1.${DORTMUND}/proof-of-use/acceptance`, office),
      404,
      'not-found',
    );
    await submit().expect(201);
    const auditor = bearer(await api.token('auditor'));
    expect((await api.http.get(`/grants/${GRANT}`).set(auditor).expect(200)).body.proofOfUse.status).toBe(
      'submitted',
    );
    await api.http.get(`/grants/${GRANT}`).set(dortmund).expect(404);
  });

  it('refuses figures the notice does not carry, a blank report and bad input, writing nothing', async () => {
    api.clock.set('2015-11-30T09:00:00.000Z');
    const spent = (esfCents: number, landCents: number, ownCents: number) => ({
      ...PROOF_BODY,
      expenditure: { esfCents, landCents, ownCents },
    });
    await refused(
      () => submit({ ...PROOF_BODY, factualReport: '  ' }),
      422,
      'proof-of-use-factual-report-missing',
    );
    const esf = await refused(
      () => submit(spent(4_300_001, 2_000_000, 3_000_000)),
      422,
      'proof-of-use-beyond-grant',
    );
    expect(esf).toMatchObject({ source: 'esf', statedCents: 4_300_001, grantedCents: 4_300_000 });
    // The plan's public money with 2,000 EUR less own funds: ESF above its 50 % share.
    const share = await refused(
      () => submit(spent(4_300_000, 2_100_000, 2_000_000)),
      422,
      'proof-of-use-share-exceeded',
    );
    expect(share).toMatchObject({ source: 'esf', statedTotalCents: 8_400_000, noticeTotalCents: 8_600_000 });

    await refused(() => submit({ expenditure: PROOF_BODY.expenditure }), 400, 'validation-failed');
    await refused(() => submit(spent(-1, 2_000_000, 2_500_000)), 400, 'validation-failed');
    await refused(() => submit(spent(1.5, 2_000_000, 2_500_000)), 400, 'validation-failed');
    await refused(() => submit({ ...PROOF_BODY, expenditure: '6000000' }), 400, 'validation-failed');
    await refused(() => submit({ ...PROOF_BODY, approvedBy: 'self' }), 400, 'validation-failed');
    await refused(
      () => submit({ ...PROOF_BODY, expenditure: { ...PROOF_BODY.expenditure, totalCents: 1 } }),
      400,
      'validation-failed',
    );
    await refused(() => post('/grants/a..b/proof-of-use', unna, PROOF_BODY), 400, 'invalid-id');
    await refused(() => post(`${PROOF}/return`, office, {}), 400, 'validation-failed');
  });

  it('takes no proof for a grant revoked in full', async () => {
    api.clock.set('2014-03-10T09:00:00.000Z');
    await post(`/grants/${GRANT}/revocations`, office, {
      scope: 'full',
      effectiveDate: '2014-03-10',
      refundDueDate: '2014-04-10',
      reason: 'Präventionskette nicht aufgebaut',
    }).expect(201);
    api.clock.set('2015-11-30T09:00:00.000Z');
    await refused(() => submit(), 422, 'grant-revoked');
    expect((await grant()).proofOfUse.status).toBe('not-submitted');
  });
});
