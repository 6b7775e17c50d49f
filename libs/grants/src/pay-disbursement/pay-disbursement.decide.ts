import { type Decider, NotFound } from '@app/eventsourcing';
import { berlinDate } from '../calendar';
import {
  DisbursementAlreadyPaid,
  GrantFullyRevoked,
  PaymentBeyondEntitlement,
  PaymentDateInvalid,
} from '../errors';
import {
  entitlementCents,
  evolveGrant,
  type GrantEvent,
  type GrantState,
  initialGrantState,
  paidCents,
} from '../grant';

export interface PayDisbursement {
  grantId: string;
  disbursementId: string;
  paidOn: string;
  /** Today in Berlin: a payment is recorded once it has been made. */
  today: string;
}

/**
 * The grants office records that a requested disbursement was paid out, in full. The payment day
 * is what interest on a later refund runs from. After a partial revocation only what the notice
 * still grants may be paid; after a full one, nothing.
 */
export function payDisbursement(command: PayDisbursement, state: GrantState): GrantEvent[] {
  const { grantId, disbursementId, paidOn, today } = command;
  if (state.status === 'none') throw new NotFound('Grant', grantId);
  const disbursement = state.disbursements.find((d) => d.disbursementId === disbursementId);
  if (!disbursement) throw new NotFound('Disbursement', `${grantId}/${disbursementId}`);
  if (disbursement.paid) throw new DisbursementAlreadyPaid(disbursementId, disbursement.paid.paidOn);
  if (state.status === 'revoked') throw new GrantFullyRevoked(grantId);
  const requestDate = berlinDate(disbursement.requestedAt);
  if (paidOn < requestDate || paidOn > today) throw new PaymentDateInvalid(paidOn, requestDate, today);
  const remainingCents = Math.max(0, entitlementCents(state) - paidCents(state));
  if (disbursement.amountCents > remainingCents)
    throw new PaymentBeyondEntitlement(disbursement.amountCents, remainingCents);
  return [
    {
      type: 'DisbursementPaid',
      data: { grantId, disbursementId, ags: state.notice.ags, amountCents: disbursement.amountCents, paidOn },
    },
  ];
}

export const payDisbursementDecider: Decider<PayDisbursement, GrantEvent, GrantState> = {
  decide: payDisbursement,
  evolve: evolveGrant,
  initialState: initialGrantState,
};
