import { fold, NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  BaseRateUnknown,
  GrantFullyRevoked,
  RefundDueDateInvalid,
  RevocationBeforeNotice,
  RevocationExceedsEntitlement,
  RevocationReasonMissing,
  RevokedAmountInvalid,
} from '../errors';
import type { GrantEvent } from '../grant';
import { bundledBaseRates, GRANT_1, issued, KREIS_UNNA, paid, requested, revoked } from '../testing-fixtures';
import { type RevokeGrant, revokeGrantDecider } from './revoke-grant.decide';

const spec = deciderSpecification(revokeGrantDecider);
const revoke = (overrides: Partial<RevokeGrant> = {}): RevokeGrant => ({
  grantId: GRANT_1,
  scope: 'partial',
  revokedCents: 5_000_000,
  effectiveDate: '2012-03-01',
  refundDueDate: '2014-04-10',
  reason: 'Präventionskette nur in Teilen aufgebaut',
  revokedAt: '2014-03-10T09:00:00.000Z',
  baseRates: bundledBaseRates(),
  ...overrides,
});
const decide = (given: GrantEvent[], command: RevokeGrant) =>
  revokeGrantDecider.decide(command, fold(revokeGrantDecider, given))[0].data as Extract<
    GrantEvent,
    { type: 'GrantRevoked' }
  >['data'];

const paidOut = [
  issued(),
  requested('1', 2_000_000, '2012-04-30', '2012-03-05T09:00:00.000Z'),
  paid('1', 2_000_000, '2012-03-15'),
];

describe('revoke a grant', () => {
  it('refunds what was paid beyond the new entitlement, with interest per day until the refund is due', () => {
    // 64,000 EUR granted, 20,000 paid on 2012-03-15; 50,000 revoked ex tunc → 14,000 left, 6,000 to refund.
    // Interest (hand computation in refund-interest.spec.ts): 9,090 + 15,486 + 14,490 + 13,974 + 7,112 = 60,152 ct.
    const data = decide(paidOut, revoke());
    expect(data).toMatchObject({
      grantId: GRANT_1,
      ags: KREIS_UNNA,
      scope: 'partial',
      revokedCents: 5_000_000,
      entitlementCents: 1_400_000,
      refundCents: 600_000,
      effectiveDate: '2012-03-01',
      refundDueDate: '2014-04-10',
      interest: { pointsAboveBaseRate: 5, until: '2014-04-10', totalCents: 60_152 },
    });
    expect(data.interest.portions).toHaveLength(1);
    expect(data.interest.portions[0]).toMatchObject({
      disbursementId: '1',
      principalCents: 600_000,
      from: '2012-03-15',
    });
  });

  it('refunds nothing while the payments stay within the new entitlement', () =>
    spec
      .given(paidOut)
      .when(revoke({ revokedCents: 1_000_000, refundDueDate: '2014-03-10' }))
      .then([
        {
          type: 'GrantRevoked',
          data: {
            grantId: GRANT_1,
            ags: KREIS_UNNA,
            scope: 'partial',
            revokedCents: 1_000_000,
            entitlementCents: 5_400_000,
            refundCents: 0,
            effectiveDate: '2012-03-01',
            refundDueDate: '2014-03-10',
            reason: 'Präventionskette nur in Teilen aufgebaut',
            revokedAt: '2014-03-10T09:00:00.000Z',
            interest: {
              pointsAboveBaseRate: 5,
              dayCount: 'actual/365',
              rounding: 'half-up-per-segment',
              baseRateSource: bundledBaseRates().source,
              until: '2014-03-10',
              totalCents: 0,
              portions: [],
            },
          },
        },
      ]));

  it('takes the refund from the latest payments first, and a later full revocation takes the rest', () => {
    const given = [
      issued(),
      requested('1', 2_000_000, '2012-04-30', '2012-03-05T09:00:00.000Z'),
      paid('1', 2_000_000, '2012-03-15'),
      requested('2', 1_000_000, '2012-07-31', '2012-06-05T09:00:00.000Z'),
      paid('2', 1_000_000, '2012-06-15'),
    ];
    const partial = decide(given, revoke({ revokedCents: 4_000_000 }));
    expect(partial.refundCents).toBe(600_000);
    expect(partial.interest.portions.map((p) => [p.disbursementId, p.principalCents, p.from])).toEqual([
      ['2', 600_000, '2012-06-15'],
    ]);
    const full = decide(
      [...given, revoked('partial', 4_000_000, 600_000, 2_400_000)],
      revoke({ scope: 'full', revokedCents: undefined }),
    );
    expect(full).toMatchObject({ revokedCents: 2_400_000, entitlementCents: 0, refundCents: 2_400_000 });
    expect(full.interest.portions.map((p) => [p.disbursementId, p.principalCents])).toEqual([
      ['1', 2_000_000],
      ['2', 400_000],
    ]);
  });

  it('revokes in full what is left, and nothing more after that', () => {
    expect(decide(paidOut, revoke({ scope: 'full', revokedCents: 6_400_000 }))).toMatchObject({
      revokedCents: 6_400_000,
      refundCents: 2_000_000,
    });
    spec
      .given(paidOut)
      .when(revoke({ scope: 'full', revokedCents: 6_000_000 }))
      .thenThrows(RevokedAmountInvalid, 'revoked-amount-invalid');
    spec
      .given([...paidOut, revoked('full', 6_400_000, 2_000_000, 0)])
      .when(revoke())
      .thenThrows(GrantFullyRevoked, 'grant-revoked');
  });

  it('asks a partial revocation for an amount below what is still granted', () => {
    spec
      .given(paidOut)
      .when(revoke({ revokedCents: undefined }))
      .thenThrows(RevokedAmountInvalid);
    spec
      .given(paidOut)
      .when(revoke({ revokedCents: 0 }))
      .thenThrows(RevokedAmountInvalid);
    spec
      .given(paidOut)
      .when(revoke({ revokedCents: 6_400_000 }))
      .thenThrows(RevocationExceedsEntitlement, 'revocation-exceeds-entitlement');
    spec
      .given([...paidOut, revoked('partial', 5_000_000, 600_000, 1_400_000)])
      .when(revoke({ revokedCents: 1_400_001 }))
      .thenThrows(RevocationExceedsEntitlement);
  });

  it('requires a reason', () =>
    spec
      .given(paidOut)
      .when(revoke({ reason: ' ' }))
      .thenThrows(RevocationReasonMissing, 'revocation-reason-missing'));

  it('cannot take effect before the notice was issued', () =>
    spec
      .given(paidOut)
      .when(revoke({ effectiveDate: '2012-02-19' }))
      .thenThrows(RevocationBeforeNotice, 'revocation-before-notice'));

  it('makes the refund due no earlier than the revocation and its effective date', () => {
    spec
      .given(paidOut)
      .when(revoke({ refundDueDate: '2014-03-09' }))
      .thenThrows(RefundDueDateInvalid, 'refund-due-date-invalid');
    spec
      .given(paidOut)
      .when(revoke({ effectiveDate: '2014-06-01', refundDueDate: '2014-05-01' }))
      .thenThrows(RefundDueDateInvalid);
  });

  it('refuses to compute interest for days the base-rate table does not know', () =>
    spec
      .given(paidOut)
      .when(revoke({ refundDueDate: '2030-01-01' }))
      .thenThrows(BaseRateUnknown, 'base-rate-unknown'));

  it('knows no grant that was never issued', () =>
    spec.given([]).when(revoke()).thenThrows(NotFound, 'not-found'));
});
