import { type Decider, NotFound } from '@app/eventsourcing';
import { berlinDate } from '../calendar';
import {
  FactualReportMissing,
  GrantFullyRevoked,
  ProofOfUseBeforePeriodEnd,
  ProofOfUseBeyondGrant,
  ProofOfUseExists,
  ProofOfUseShareExceeded,
} from '../errors';
import {
  entitlementCents,
  evolveGrant,
  type Financing,
  type GrantEvent,
  type GrantState,
  initialGrantState,
  publicUsedCents,
  totalEligibleCents,
} from '../grant';

export interface SubmitProofOfUse {
  grantId: string;
  /** The submitting municipality: only the grantee proves the use of its grant. */
  ags: string;
  factualReport: string;
  /** What was actually spent, by source (zahlenmäßiger Nachweis). */
  expenditure: Financing;
  note?: string;
  submittedAt: string;
}

/**
 * The grantee's Verwendungsnachweis, once the funding period is over (the Berlin day after
 * `period.to` at the earliest) and once only, unless the office returned it for correction.
 * The figures are the municipality's own final account, not a sum of the ESF reports: the
 * office checks the two against each other when it reviews the proof.
 */
export function submitProofOfUse(command: SubmitProofOfUse, state: GrantState): GrantEvent[] {
  const { grantId, expenditure, submittedAt } = command;
  if (state.status === 'none' || state.notice.ags !== command.ags) throw new NotFound('Grant', grantId);
  if (state.status === 'revoked') throw new GrantFullyRevoked(grantId);
  const previous = state.proofOfUse;
  if (previous && previous.status !== 'returned')
    throw new ProofOfUseExists(grantId, previous.status, previous.submission);
  const today = berlinDate(submittedAt);
  if (today <= state.notice.period.to) throw new ProofOfUseBeforePeriodEnd(today, state.notice.period.to);
  const factualReport = command.factualReport?.trim() ?? '';
  if (factualReport === '') throw new FactualReportMissing();
  assertWithinGrant(expenditure, state.notice.financing, entitlementCents(state));
  const note = command.note?.trim();
  return [
    {
      type: 'ProofOfUseSubmitted',
      data: {
        grantId,
        ags: state.notice.ags,
        factualReport,
        expenditure: {
          esfCents: expenditure.esfCents,
          landCents: expenditure.landCents,
          ownCents: expenditure.ownCents,
        },
        ...(note ? { note } : {}),
        submission: (previous?.submission ?? 0) + 1,
        submittedAt,
      },
    },
  ];
}

/**
 * Public money spent stays within what was granted, per source and after revocations; and as
 * the grant finances a share of the expenditure (Anteilfinanzierung), the ESF and Land shares
 * of the stated total stay within the notice's shares of its eligible total. Shares are
 * compared crosswise in integers, so no rounding decides a case.
 */
function assertWithinGrant(stated: Financing, notice: Financing, entitlement: number): void {
  if (stated.esfCents > notice.esfCents)
    throw new ProofOfUseBeyondGrant('esf', stated.esfCents, notice.esfCents);
  if (stated.landCents > notice.landCents)
    throw new ProofOfUseBeyondGrant('land', stated.landCents, notice.landCents);
  if (publicUsedCents(stated) > entitlement)
    throw new ProofOfUseBeyondGrant('grant', publicUsedCents(stated), entitlement);
  const statedTotal = totalEligibleCents(stated);
  const noticeTotal = totalEligibleCents(notice);
  for (const source of ['esf', 'land'] as const) {
    const key = source === 'esf' ? 'esfCents' : 'landCents';
    if (BigInt(stated[key]) * BigInt(noticeTotal) > BigInt(notice[key]) * BigInt(statedTotal))
      throw new ProofOfUseShareExceeded(source, stated[key], statedTotal, notice[key], noticeTotal);
  }
}

export const submitProofOfUseDecider: Decider<SubmitProofOfUse, GrantEvent, GrantState> = {
  decide: submitProofOfUse,
  evolve: evolveGrant,
  initialState: initialGrantState,
};
