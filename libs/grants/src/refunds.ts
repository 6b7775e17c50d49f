import { berlinDate } from './calendar';
import type { GrantRevoked, IssuedGrant } from './grant';
import type { RefundInterest, RefundPortion } from './interest/refund-interest';

/**
 * The grants office records a refund paid back (Erstattung). It pays the refunds claimed by the
 * revocations, oldest first; paid after a claim's `refundDueDate`, the paid principal carries
 * interest on until the day it was paid (§ 49a Abs. 3 VwVfG): `lateInterest`, from the due date.
 */
export type RefundPaid = {
  type: 'RefundPaid';
  data: {
    grantId: string;
    ags: string;
    /** The payment's number within its grant: 1, 2, … */
    refundPaymentId: string;
    amountCents: number;
    paidOn: string;
    /** What it pays back: per revocation (1, 2, … in order) and paid-out amount taken back. */
    settles: RefundSettlement[];
    /** Refund principal still to be paid after this payment. */
    outstandingCents: number;
    /** Present when paid after the due date of a refund it settles. */
    lateInterest?: RefundInterest;
    recordedAt: string;
  };
};

export interface RefundSettlement {
  revocation: number;
  refundDueDate: string;
  disbursementId: string;
  principalCents: number;
}

/** A revocation's refund still to be paid back, by the paid-out amounts it takes back. */
export interface RefundClaim {
  revocation: number;
  /** The day in Berlin the revocation was recorded: no refund is paid before it. */
  revokedOn: string;
  refundDueDate: string;
  portions: RefundPortion[];
}

/** The refund a revocation claims, numbered in the grant's order of revocations. */
export function refundClaimOf(revoked: GrantRevoked['data'], revocation: number): RefundClaim {
  return {
    revocation,
    revokedOn: berlinDate(revoked.revokedAt),
    refundDueDate: revoked.refundDueDate,
    portions: revoked.interest.portions.map(({ disbursementId, paidOn, principalCents }) => ({
      disbursementId,
      paidOn,
      principalCents,
    })),
  };
}

/** The claims less what a payment settled; fully paid portions and claims drop out. */
export function settle(claims: RefundClaim[], settles: RefundSettlement[]): RefundClaim[] {
  return claims
    .map((claim) => ({
      ...claim,
      portions: claim.portions
        .map((p) => {
          const paid = settles
            .filter((s) => s.revocation === claim.revocation && s.disbursementId === p.disbursementId)
            .reduce((sum, s) => sum + s.principalCents, 0);
          return { ...p, principalCents: p.principalCents - paid };
        })
        .filter((p) => p.principalCents > 0),
    }))
    .filter((claim) => claim.portions.length > 0);
}

/** Refund principal claimed and not yet paid back. */
export const outstandingRefundCents = (grant: IssuedGrant) =>
  grant.refundClaims.reduce((sum, c) => sum + c.portions.reduce((s, p) => s + p.principalCents, 0), 0);
