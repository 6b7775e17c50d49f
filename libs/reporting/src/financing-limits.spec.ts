import { TERMS_BUILT_IN_BEFORE_V2 } from '@app/programmes-calls/legacy/terms-built-in-before-v2';
import { ceilingsInForce, financingOf, reportSources } from './financing-limits';
import { evolveGrantFacts, type GrantFacts, type GrantStreamEvent, initialGrantFacts } from './grant-facts';
import { capped, GRANT_ID, spent, unnaGrant } from './testing-fixtures';

const issued: GrantStreamEvent = {
  type: 'GrantNoticeIssued',
  data: {
    grantId: GRANT_ID,
    programmeId: 'kkz',
    phaseId: 'phase-1',
    ags: '05978000',
    amountCents: 6_400_000,
    period: { from: '2012-03-01', to: '2015-06-30' },
    // GrantNoticeIssued v2: by source (a v1 notice reads so through its upcaster).
    financing: [
      { sourceId: 'esf', cents: 4_300_000 },
      { sourceId: 'land', cents: 2_100_000 },
      { sourceId: 'own', cents: 2_200_000 },
    ],
  },
};
const revoked = (scope: 'full' | 'partial', revokedCents: number, entitlementCents?: number) => ({
  type: 'GrantRevoked',
  data: {
    grantId: GRANT_ID,
    scope,
    revokedCents,
    ...(entitlementCents === undefined ? {} : { entitlementCents }),
  },
});
const grantAfter = (...events: GrantStreamEvent[]): GrantFacts =>
  events.reduce(evolveGrantFacts, initialGrantFacts(GRANT_ID)());
const ceilingsAfter = (...events: GrantStreamEvent[]) => {
  const grant = grantAfter(...events);
  if (grant.status === 'none') throw new Error('no grant');
  return ceilingsInForce(grant, reportSources(grant.financing, TERMS_BUILT_IN_BEFORE_V2.sources));
};

describe('ESF and Land ceilings of a grant', () => {
  it("are the notice's amounts while nothing is revoked", () =>
    expect(ceilingsAfter(issued)).toEqual(capped(4_300_000, 2_100_000)));

  it('shrink in proportion to the entitlement the latest partial revocation leaves', () => {
    // A quarter revoked, then another eighth: 5/8 of 43,000 and 21,000 EUR are left.
    expect(
      ceilingsAfter(issued, revoked('partial', 1_600_000, 4_800_000), revoked('partial', 800_000, 4_000_000)),
    ).toEqual(capped(2_687_500, 1_312_500));
  });

  it('round each source down to the cent, so together they never exceed the entitlement', () => {
    // 32,000.01 EUR left: ESF 21,500.006… → 21,500.00, Land 10,500.003… → 10,500.00 (a cent short).
    const ceilings = financingOf(
      unnaGrant({ entitlementCents: 3_200_001 }),
      TERMS_BUILT_IN_BEFORE_V2.sources,
    ).ceilings;
    expect(ceilings).toEqual(capped(2_150_000, 1_050_000));
    expect(ceilings[0].cents + ceilings[1].cents).toBeLessThanOrEqual(3_200_001);
    // Down to nothing: 1 cent left of a 3-cent grant of 2 ESF + 1 Land cents leaves 0.66 and 0.33 cents.
    expect(
      financingOf(
        unnaGrant({ amountCents: 3, entitlementCents: 1, financing: spent(2, 1, 1) }),
        TERMS_BUILT_IN_BEFORE_V2.sources,
      ).ceilings,
    ).toEqual(capped(0, 0));
  });

  it('take the entitlement from the revoked amount where a revocation does not state it', () =>
    expect(ceilingsAfter(issued, revoked('partial', 3_200_000))).toEqual(capped(2_150_000, 1_050_000)));

  it('are nothing once the grant is revoked in full, and stay so', () => {
    const grant = grantAfter(issued, revoked('full', 6_400_000, 0), revoked('partial', 1, 5));
    expect(grant.status).toBe('revoked');
    expect(ceilingsAfter(issued, revoked('full', 6_400_000, 0))).toEqual(capped(0, 0));
  });
});

describe('the ceilings of a grant whose programme has no ESF', () => {
  const dbl = [
    { sourceId: 'bund', name: 'Bund', kind: 'grant' },
    { sourceId: 'land', name: 'Land NRW', kind: 'grant' },
    { sourceId: 'own', name: 'Eigenmittel', kind: 'own' },
  ];
  const grant = unnaGrant({
    programmeId: 'dbl',
    amountCents: 12_000_000,
    entitlementCents: 6_000_000,
    financing: [
      { sourceId: 'bund', cents: 7_500_000 },
      { sourceId: 'land', cents: 4_500_000 },
      { sourceId: 'own', cents: 3_000_000 },
    ],
  });

  it("are the terms' grant sources, named as the terms name them, halved with half the grant revoked", () => {
    const { sources, ceilings } = financingOf(grant, dbl);
    expect(sources).toEqual([
      { sourceId: 'bund', name: 'Bund', capped: true },
      { sourceId: 'land', name: 'Land NRW', capped: true },
      { sourceId: 'own', name: 'Eigenmittel', capped: false },
    ]);
    expect(ceilings).toEqual([
      { sourceId: 'bund', cents: 3_750_000 },
      { sourceId: 'land', cents: 2_250_000 },
    ]);
  });

  it('cap every source but own funds where the terms cannot be read', () =>
    expect(reportSources(grant.financing, undefined).map((s) => s.capped)).toEqual([true, true, false]));
});
