import { type Financing, overpaidCents, type ProofOfUseEvent } from '../grant';

/** The proof of use (Verwendungsnachweis) of a grant as the read model shows it. */
export interface ProofOfUseView {
  status: 'not-submitted' | 'submitted' | 'returned' | 'accepted';
  /** The latest submission's number; 0 until the first. */
  submission: number;
  submittedAt?: string;
  factualReport?: string;
  /** The final figures of the latest submission, by source. */
  expenditure?: Financing;
  note?: string;
  /** The public money spent (the grant-kind sources), per the latest submission. */
  publicUsedCents?: number;
  /**
   * Paid out, less refunds revocations have claimed, beyond the public money used: the
   * overpayment to be refunded. Follows later payments and revocations; 0 without a proof.
   */
  refundableCents: number;
  /** Each return for correction, oldest first. */
  returns: { submission: number; remarks: string; returnedAt: string }[];
  acceptedAt?: string;
}

export const noProofOfUse = (): ProofOfUseView => ({
  status: 'not-submitted',
  submission: 0,
  refundableCents: 0,
  returns: [],
});

export function applyProofOfUse(view: ProofOfUseView, event: ProofOfUseEvent): void {
  switch (event.type) {
    case 'ProofOfUseSubmitted': {
      const { submission, submittedAt, factualReport, expenditure, publicCents, note } = event.data;
      Object.assign(view, {
        status: 'submitted',
        submission,
        submittedAt,
        factualReport,
        expenditure,
        note,
        publicUsedCents: publicCents,
      });
      return;
    }
    case 'ProofOfUseReturned': {
      const { submission, remarks, returnedAt } = event.data;
      view.status = 'returned';
      view.returns.push({ submission, remarks, returnedAt });
      return;
    }
    case 'ProofOfUseAccepted':
      view.status = 'accepted';
      view.acceptedAt = event.data.acceptedAt;
      return;
  }
}

/** Recomputed after every event of the grant: payments and revocations change what is overpaid. */
export function refreshRefundable(
  view: ProofOfUseView,
  grant: { paidCents: number; refundCents: number },
): void {
  if (view.expenditure && view.publicUsedCents !== undefined)
    view.refundableCents = overpaidCents(grant.paidCents, grant.refundCents, view.publicUsedCents);
}
