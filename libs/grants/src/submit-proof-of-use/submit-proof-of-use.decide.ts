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
  type SourceAmount,
  sourceCents,
  totalEligibleCents,
} from '../grant';
import { type GrantSource, grantSourceIds } from '../grant-settings';
import { financingPlan } from '../issue-grant-notice/issue-grant-notice.decide';

export interface SubmitProofOfUse {
  grantId: string;
  /** The submitting municipality: only the grantee proves the use of its grant. */
  ags: string;
  factualReport: string;
  /** What was actually spent, by source (zahlenmäßiger Nachweis); a source not named spent nothing. */
  expenditure: SourceAmount[];
  /** The sources of the terms the notice applied (names, and which are the grant's). */
  sources: GrantSource[];
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
  const stated = financingPlan(expenditure, command.sources);
  const publicCents = assertWithinGrant(
    stated,
    state.notice.financing,
    entitlementCents(state),
    command.sources,
  );
  const note = command.note?.trim();
  return [
    {
      type: 'ProofOfUseSubmitted',
      data: {
        grantId,
        ags: state.notice.ags,
        factualReport,
        expenditure: stated,
        publicCents,
        ...(note ? { note } : {}),
        submission: (previous?.submission ?? 0) + 1,
        submittedAt,
      },
    },
  ];
}

/**
 * Public money spent stays within what was granted, per source and after revocations; and as
 * the grant finances a share of the expenditure (Anteilfinanzierung), each grant source's share
 * of the stated total stays within its share of the notice's eligible total. Shares are compared
 * crosswise in integers, so no rounding decides a case. Returns the public money used.
 */
function assertWithinGrant(
  stated: Financing,
  notice: Financing,
  entitlement: number,
  sources: readonly GrantSource[],
): number {
  const grantSources = sources.filter((s) => s.kind === 'grant');
  for (const source of grantSources) {
    const statedCents = sourceCents(stated, source.sourceId);
    const grantedCents = sourceCents(notice, source.sourceId);
    if (statedCents > grantedCents)
      throw new ProofOfUseBeyondGrant({
        source: source.sourceId,
        sourceName: source.name,
        statedCents,
        grantedCents,
      });
  }
  const used = publicUsedCents(stated, grantSourceIds(sources));
  if (used > entitlement)
    throw new ProofOfUseBeyondGrant({
      source: 'grant',
      sourceName: 'Zuwendung',
      statedCents: used,
      grantedCents: entitlement,
    });
  const statedTotal = totalEligibleCents(stated);
  const noticeTotal = totalEligibleCents(notice);
  for (const source of grantSources) {
    const statedCents = sourceCents(stated, source.sourceId);
    const noticeCents = sourceCents(notice, source.sourceId);
    if (BigInt(statedCents) * BigInt(noticeTotal) > BigInt(noticeCents) * BigInt(statedTotal))
      throw new ProofOfUseShareExceeded({
        source: source.sourceId,
        sourceName: source.name,
        statedCents,
        statedTotalCents: statedTotal,
        noticeCents,
        noticeTotalCents: noticeTotal,
      });
  }
  return used;
}

export const submitProofOfUseDecider: Decider<SubmitProofOfUse, GrantEvent, GrantState> = {
  decide: submitProofOfUse,
  evolve: evolveGrant,
  initialState: initialGrantState,
};
