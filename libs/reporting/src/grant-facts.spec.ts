import { evolveGrantFacts, initialGrantFacts, noticeFacts } from './grant-facts';
import { spent } from './testing-fixtures';

const common = {
  grantId: 'dbl-2026.05978000',
  programmeId: 'dbl-2026',
  ags: '05978000',
  amountCents: 6_400_000,
  period: { from: '2026-05-01', to: '2027-04-30' },
  rules: { version: 1, effectiveFrom: '2026-01-12' },
  issuedAt: '2026-04-20T10:00:00.000Z',
};

describe('the grant notice as reporting reads it', () => {
  it('reads a v1 notice: Förderphase and ESF, Land and own funds', () => {
    expect(
      noticeFacts({
        ...common,
        phase: 2,
        financing: { esfCents: 4_300_000, landCents: 2_100_000, ownCents: 2_200_000 },
      }),
    ).toEqual({
      grantId: common.grantId,
      programmeId: 'dbl-2026',
      ags: '05978000',
      amountCents: 6_400_000,
      period: common.period,
      rulesVersion: 1,
      issuedAt: common.issuedAt,
      phase: 2,
      financing: spent(4_300_000, 2_100_000, 2_200_000),
    });
  });

  it('reads a v2 notice: a named phase and the financing per source', () => {
    const facts = noticeFacts({
      ...common,
      phaseId: 'phase-2',
      financing: [
        { sourceId: 'esf', cents: 4_300_000 },
        { sourceId: 'land', cents: 2_100_000 },
        { sourceId: 'own', cents: 2_200_000 },
      ],
    });
    expect(facts).toMatchObject({
      phase: 2,
      phaseId: 'phase-2',
      rulesVersion: 1,
      financing: spent(4_300_000, 2_100_000, 2_200_000),
    });
  });

  it('reads a v2 notice without phase or ESF as phase 0 with its own sources only', () => {
    const state = evolveGrantFacts(initialGrantFacts(common.grantId)(), {
      type: 'GrantNoticeIssued',
      data: {
        ...common,
        financing: [
          { sourceId: 'land', cents: 6_400_000 },
          { sourceId: 'own', cents: 1_600_000 },
        ],
      },
    });
    expect(state).toMatchObject({
      status: 'issued',
      phase: 0,
      entitlementCents: 6_400_000,
      // Its own sources, as the notice lists them: no ESF source appears.
      financing: [
        { sourceId: 'land', cents: 6_400_000 },
        { sourceId: 'own', cents: 1_600_000 },
      ],
    });
    expect(state).not.toHaveProperty('phaseId');
  });
});
