import { type Decider, NotFound } from '@app/eventsourcing';
import { NoRefundOutstanding, RefundPaymentDateInvalid, RefundPaymentExceedsOutstanding } from '../errors';
import { evolveGrant, type GrantEvent, type GrantState, initialGrantState } from '../grant';
import type { BaseRateTable } from '../interest/base-rate-table';
import { lateRefundInterest, type PaidBackPortion } from '../interest/refund-interest';
import { outstandingRefundCents, type RefundClaim, type RefundSettlement } from '../refunds';

export interface RecordRefundPayment {
  grantId: string;
  amountCents: number;
  /** The day the money reached the Land's account. */
  paidOn: string;
  /** Today in Berlin: a payment is recorded once it has been made. */
  today: string;
  recordedAt: string;
  baseRates: BaseRateTable;
}

/**
 * The grants office records a refund paid back. It settles the outstanding refunds oldest claim
 * first, and within a claim in the order of the paid-out amounts it takes back. What is paid
 * after a refund's due date carries interest until the day it was paid; what is still
 * outstanding keeps accruing until a later payment settles it.
 */
export function recordRefundPayment(command: RecordRefundPayment, state: GrantState): GrantEvent[] {
  const { grantId, amountCents, paidOn, today } = command;
  if (state.status === 'none') throw new NotFound('Grant', grantId);
  const outstanding = outstandingRefundCents(state);
  if (outstanding === 0) throw new NoRefundOutstanding(grantId);
  if (amountCents > outstanding) throw new RefundPaymentExceedsOutstanding(amountCents, outstanding);
  const settles = settlements(state.refundClaims, amountCents);
  const earliest = state.refundClaims
    .filter((c) => settles.some((s) => s.revocation === c.revocation))
    .reduce((latest, c) => (c.revokedOn > latest ? c.revokedOn : latest), '');
  if (paidOn < earliest || paidOn > today) throw new RefundPaymentDateInvalid(paidOn, earliest, today);
  const lateInterest = lateRefundInterest({
    portions: settles.map((s) => paidBack(state.refundClaims, s)),
    paidOn,
    pointsAboveBaseRate: state.notice.interestPointsAboveBaseRate,
    table: command.baseRates,
  });
  return [
    {
      type: 'RefundPaid',
      data: {
        grantId,
        ags: state.notice.ags,
        refundPaymentId: String(state.refundPayments + 1),
        amountCents,
        paidOn,
        settles,
        outstandingCents: outstanding - amountCents,
        ...(lateInterest ? { lateInterest } : {}),
        recordedAt: command.recordedAt,
      },
    },
  ];
}

function settlements(claims: RefundClaim[], amountCents: number): RefundSettlement[] {
  let left = amountCents;
  const settles: RefundSettlement[] = [];
  for (const claim of claims)
    for (const portion of claim.portions) {
      const principalCents = Math.min(left, portion.principalCents);
      if (principalCents === 0) continue;
      left -= principalCents;
      const { revocation, refundDueDate } = claim;
      settles.push({ revocation, refundDueDate, disbursementId: portion.disbursementId, principalCents });
    }
  return settles;
}

function paidBack(claims: RefundClaim[], s: RefundSettlement): PaidBackPortion {
  const claim = claims.find((c) => c.revocation === s.revocation);
  const portion = claim?.portions.find((p) => p.disbursementId === s.disbursementId);
  return {
    disbursementId: s.disbursementId,
    paidOn: portion?.paidOn ?? s.refundDueDate,
    principalCents: s.principalCents,
    refundDueDate: s.refundDueDate,
  };
}

export const recordRefundPaymentDecider: Decider<RecordRefundPayment, GrantEvent, GrantState> = {
  decide: recordRefundPayment,
  evolve: evolveGrant,
  initialState: initialGrantState,
};
