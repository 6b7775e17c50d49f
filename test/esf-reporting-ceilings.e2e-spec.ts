import type { RecordedEvent } from '@app/eventsourcing';
import { type EsfWorld, reportContent as content, startEsfWorld } from './support/esf-reporting-world';
import { hasEvent, StagedSqliteStore } from './support/staged-sqlite-store';

/**
 * The notice's ESF and Land amounts cap what a grant's reports together may have accepted, even
 * when two periods are accepted at the same moment or an acceptance stops halfway, and a partial
 * revocation lowers those caps. The programme totals stay the sum of the accepted report events.
 */
describe("ESF reporting: a grant's accepted reports stay within its ceilings", () => {
  let w: EsfWorld;
  let store: StagedSqliteStore;
  const reportOf = (periodId: string) => `${w.unnaGrant}.${periodId}`;
  const accept = (periodId: string) =>
    w.api.http.post(`/esf-reports/${reportOf(periodId)}/acceptance`).set(w.as.office);
  const status = async (periodId: string) =>
    (
      await w.api.http
        .get(`/esf-reports/${reportOf(periodId)}`)
        .set(w.as.office)
        .expect(200)
    ).body.status;
  const eventsOfType = async (type: string) => (await w.api.store.readAll()).filter((e) => e.type === type);

  /** Each alone fits the notice's 43,000 EUR ESF; together (44,000) they do not. */
  const HALF_AND_A_BIT = () => content(2_200_000, 1_000_000, 1_200_000);

  /** What a booking counted of the 2011 grant's capped sources, ESF and Land (schema version 2). */
  const capped = (esf: number, land: number) => [
    { sourceId: 'esf', cents: esf },
    { sourceId: 'land', cents: land },
  ];

  /** The totals' sources equal, cent for cent, the sums of the accepted report events in the store. */
  async function expectTotalsReconcile(): Promise<RecordedEvent[]> {
    const acceptedEvents = await eventsOfType('ReportAccepted');
    const totals = (await w.api.http.get('/programmes/kkz/esf-totals').set(w.as.auditor).expect(200)).body;
    const sum = (source: string) =>
      acceptedEvents.reduce(
        (cents, e) =>
          cents +
          ((e.data as { expenditure: { sourceId: string; cents: number }[] }).expenditure.find(
            (s) => s.sourceId === source,
          )?.cents ?? 0),
        0,
      );
    expect(totals.bySource.map((s: { source: string; cents: number }) => [s.source, s.cents])).toEqual(
      ['esf', 'land', 'own'].map((source) => [source, sum(source)]),
    );
    const traced = (totals.lines as { events: { eventId: string }[] }[]).flatMap((l) =>
      l.events.map((e) => e.eventId),
    );
    expect(new Set(traced)).toEqual(new Set(acceptedEvents.map((e) => e.metadata.eventId)));
    return acceptedEvents;
  }

  beforeEach(async () => {
    store = new StagedSqliteStore();
    w = await startEsfWorld({ store });
    await w.openPeriods(w.unnaGrant);
    w.api.clock.set('2014-01-15T10:00:00.000Z');
  });
  afterEach(() => w.api.close());

  it('accepts exactly one of two periods accepted at the same moment when only one fits the notice', async () => {
    for (const periodId of ['2012', '2013']) await w.submit(reportOf(periodId), HALF_AND_A_BIT()).expect(201);
    const before = await store.headPosition();
    // Both requests have read and decided before either writes: the worst interleaving, every time.
    store.rendezvous(2, (streamId) => streamId.startsWith('esf-'));
    const [first, second] = await Promise.all([accept('2012'), accept('2013')]);
    expect(store.rendezvousMet).toBe(true);

    const outcomes = [first, second].map((r) => r.status).sort();
    expect(outcomes).toEqual([200, 422]);
    const refused = first.status === 422 ? first : second;
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'financing-source-exhausted',
      source: 'esf',
      noticeCents: 4_300_000,
      ceilingCents: 4_300_000,
      acceptedCents: 2_200_000,
      reportCents: 2_200_000,
    });
    const winner = first.status === 200 ? '2012' : '2013';
    const loser = winner === '2012' ? '2013' : '2012';

    // Only the winner's booking and acceptance were written; the loser awaits review as before.
    const written = (await store.readAll({ after: before })).map((e) => [e.type, e.streamId]);
    expect(written).toEqual([
      ['EsfAcceptanceBooked', `esf-ledger-${w.unnaGrant}`],
      ['ReportAccepted', `esf-report-${reportOf(winner)}`],
    ]);
    expect(await status(winner)).toBe('accepted');
    expect(await status(loser)).toBe('submitted');
    const accepted = await expectTotalsReconcile();
    expect(accepted.map((e) => (e.data as { reportId: string }).reportId)).toEqual([reportOf(winner)]);
    // Decided one after the other, the loser is refused again, writing nothing.
    await w.refused(() => accept(loser), 422, 'financing-source-exhausted');
  });

  it('completes an acceptance that stopped between its two appends when it is tried again', async () => {
    await w.submit(reportOf('2012'), HALF_AND_A_BIT()).expect(201);
    await w.submit(reportOf('2013'), HALF_AND_A_BIT()).expect(201);
    store.crashBefore(hasEvent('ReportAccepted'));
    await accept('2012').expect(500);
    expect(await eventsOfType('EsfAcceptanceBooked')).toHaveLength(1);
    expect(await status('2012')).toBe('submitted');
    await expectTotalsReconcile();

    // The booking already holds its money: the other period cannot take it meanwhile.
    await w.refused(() => accept('2013'), 422, 'financing-source-exhausted');

    const before = await store.headPosition();
    await accept('2012').expect(200);
    const written = (await store.readAll({ after: before })).map((e) => e.type);
    expect(written).toEqual(['ReportAccepted']);
    expect(await eventsOfType('EsfAcceptanceBooked')).toHaveLength(1);
    expect(await status('2012')).toBe('accepted');
    const accepted = await expectTotalsReconcile();
    expect(accepted).toHaveLength(1);
    await w.refused(() => accept('2012'), 422, 'esf-report-already-accepted');
  });

  it("frees a halfway acceptance's money when the report is returned instead", async () => {
    await w.submit(reportOf('2012'), HALF_AND_A_BIT()).expect(201);
    await w.submit(reportOf('2013'), HALF_AND_A_BIT()).expect(201);
    store.crashBefore(hasEvent('ReportAccepted'));
    await accept('2012').expect(500);
    await w.api.http
      .post(`/esf-reports/${reportOf('2012')}/return`)
      .set(w.as.office)
      .send({ remarks: 'Belege fehlen' })
      .expect(200);
    await accept('2013').expect(200);
    // The corrected 2012 report is booked afresh and counted against what 2013 took.
    await w.submit(reportOf('2012'), content(2_100_000, 1_000_000, 1_100_000)).expect(201);
    await accept('2012').expect(200);
    expect(
      (await eventsOfType('EsfAcceptanceBooked')).map((e) => {
        const d = e.data as { periodId: string; submission: number; countedBefore: object };
        return [d.periodId, d.submission, d.countedBefore];
      }),
    ).toEqual([
      ['2012', 1, capped(0, 0)],
      ['2013', 1, capped(0, 0)],
      ['2012', 2, capped(2_200_000, 1_000_000)],
    ]);
    const accepted = await expectTotalsReconcile();
    expect(accepted).toHaveLength(2);
  });

  describe('after a revocation', () => {
    const revoke = (body: object) =>
      w.api.http
        .post(`/grants/${w.unnaGrant}/revocations`)
        .set(w.as.office)
        .send({
          effectiveDate: '2014-01-15',
          refundDueDate: '2014-03-01',
          reason: 'Teilweise nicht umgesetzt',
          ...body,
        })
        .expect(201);

    beforeEach(async () => {
      await w.submit(reportOf('2012'), content(860_000, 420_000, 440_000)).expect(201);
      await accept('2012').expect(200);
      await w.submit(reportOf('2013'), content(1_290_001, 600_000, 700_000)).expect(201);
    });

    it('holds acceptance to the ceilings lowered in proportion by a partial revocation', async () => {
      // Half of the 64,000 EUR revoked: 21,500 ESF and 10,500 Land left; 8,600 + 12,900.01 ESF is a cent too much.
      await revoke({ scope: 'partial', revokedCents: 3_200_000 });
      const res = await w.refused(() => accept('2013'), 422, 'financing-source-exhausted');
      expect(res.body).toMatchObject({
        source: 'esf',
        noticeCents: 4_300_000,
        ceilingCents: 2_150_000,
        acceptedCents: 860_000,
        reportCents: 1_290_001,
      });
      await w.api.http
        .post(`/esf-reports/${reportOf('2013')}/return`)
        .set(w.as.office)
        .send({ remarks: 'Obergrenze nach Teilwiderruf' })
        .expect(200);
      await w.submit(reportOf('2013'), content(1_290_000, 600_000, 700_000)).expect(201);
      await accept('2013').expect(200);
      await expectTotalsReconcile();
    });

    it('accepts nothing more once the grant is revoked in full', async () => {
      await revoke({ scope: 'full' });
      await w.refused(() => accept('2013'), 422, 'grant-revoked');
      w.api.clock.set('2015-01-15T10:00:00.000Z');
      await w.refused(() => w.submit(reportOf('2014'), content(1_000, 500, 500)), 422, 'grant-revoked');
      const accepted = await expectTotalsReconcile();
      expect(accepted).toHaveLength(1);
    });
  });
});
