import { type Decider, NotFound } from '@app/eventsourcing';
import { berlinDate, laterDate } from '../calendar';
import {
  GrantFullyRevoked,
  RefundDueDateInvalid,
  RevocationBeforeNotice,
  RevocationExceedsEntitlement,
  RevocationReasonMissing,
  RevokedAmountInvalid,
} from '../errors';
import {
  entitlementCents,
  evolveGrant,
  type GrantEvent,
  type GrantState,
  initialGrantState,
  type IssuedGrant,
  paidCents,
} from '../grant';
import type { BaseRateTable } from '../interest/base-rate-table';
import { type RefundPortion, refundInterest } from '../interest/refund-interest';

export interface RevokeGrant {
  grantId: string;
  scope: 'full' | 'partial';
  /** Partial: the amount taken back from the notice. Full: everything left (may be left out). */
  revokedCents?: number;
  /** When the notice (or the revoked part) ceases to be effective; may lie in the past (ex tunc). */
  effectiveDate: string;
  /** The refund and its interest are computed up to this day. */
  refundDueDate: string;
  reason: string;
  revokedAt: string;
  baseRates: BaseRateTable;
}

/**
 * Widerruf (§ 49 VwVfG) with Erstattung (§ 49a): the new entitlement is what is left after the
 * revocation; the refund is what was paid out beyond it (less refunds already claimed), with
 * interest per day from the later of payment and effective date until the refund is due.
 */
export function revokeGrant(command: RevokeGrant, state: GrantState): GrantEvent[] {
  const { grantId, scope, effectiveDate, refundDueDate, revokedAt } = command;
  if (state.status === 'none') throw new NotFound('Grant', grantId);
  if (state.status === 'revoked') throw new GrantFullyRevoked(grantId);
  const reason = command.reason?.trim() ?? '';
  if (reason === '') throw new RevocationReasonMissing();
  const before = entitlementCents(state);
  const revokedCents = revokedAmount(command, before);
  const issuedOn = berlinDate(state.notice.issuedAt);
  if (effectiveDate < issuedOn) throw new RevocationBeforeNotice(effectiveDate, issuedOn);
  const earliestDue = laterDate(berlinDate(revokedAt), effectiveDate);
  if (refundDueDate < earliestDue) throw new RefundDueDateInvalid(refundDueDate, earliestDue);
  const entitlementAfter = before - revokedCents;
  const refundCents = Math.max(0, paidCents(state) - entitlementAfter - state.refundCents);
  const interest = refundInterest({
    portions: refundedPayments(state, refundCents),
    effectiveDate,
    until: refundDueDate,
    pointsAboveBaseRate: state.notice.interestPointsAboveBaseRate,
    table: command.baseRates,
  });
  return [
    {
      type: 'GrantRevoked',
      data: {
        grantId,
        ags: state.notice.ags,
        scope,
        revokedCents,
        entitlementCents: entitlementAfter,
        refundCents,
        effectiveDate,
        refundDueDate,
        reason,
        revokedAt,
        interest,
      },
    },
  ];
}

function revokedAmount(command: RevokeGrant, entitlement: number): number {
  const { scope, revokedCents } = command;
  if (scope === 'full') {
    if (revokedCents !== undefined && revokedCents !== entitlement) throw new RevokedAmountInvalid(scope);
    return entitlement;
  }
  if (revokedCents === undefined || !(revokedCents > 0)) throw new RevokedAmountInvalid(scope);
  if (revokedCents >= entitlement) throw new RevocationExceedsEntitlement(revokedCents, entitlement);
  return revokedCents;
}

/**
 * Which paid-out amounts the refund takes back: the latest payments first, as the earlier ones
 * are the ones the remaining entitlement still covers (this also charges the least interest).
 * Refunds claimed by earlier revocations have already taken the latest ones.
 */
export function refundedPayments(grant: IssuedGrant, refundCents: number): RefundPortion[] {
  const payments = grant.disbursements
    .flatMap((d) => (d.paid ? [{ disbursementId: d.disbursementId, ...d.paid }] : []))
    .sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  let alreadyTaken = grant.refundCents;
  let toTake = refundCents;
  const portions: RefundPortion[] = [];
  for (const payment of [...payments].reverse()) {
    const taken = Math.min(alreadyTaken, payment.amountCents);
    alreadyTaken -= taken;
    const principalCents = Math.min(toTake, payment.amountCents - taken);
    toTake -= principalCents;
    if (principalCents > 0)
      portions.unshift({ disbursementId: payment.disbursementId, paidOn: payment.paidOn, principalCents });
  }
  return portions;
}

export const revokeGrantDecider: Decider<RevokeGrant, GrantEvent, GrantState> = {
  decide: revokeGrant,
  evolve: evolveGrant,
  initialState: initialGrantState,
};
