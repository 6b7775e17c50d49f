import type { DerivationState, Withdrawal } from './deadline-derivation';
import { deadlineIdFor } from './deadline-id';

/** The n-th resolution deadline of one municipality and application; wanted: a selection asked for it. */
export interface ResolutionRound {
  round: number;
  wanted: boolean;
}

/**
 * The council-resolution-due deadline in force for a municipality of an application: the first
 * selection's, or after a correction took it back, a new one for the next selection (`round-<n>`).
 */
export function resolutionDeadlineId(state: DerivationState, applicationId: string, ags: string): string {
  const current = state.resolutionDeadlines.get(applicationId)?.get(ags);
  if (!current || current.round === 1) return deadlineIdFor('council-resolution-due', applicationId, ags);
  return deadlineIdFor('council-resolution-due', applicationId, ags, `round-${current.round}`);
}

export function noteResolutionDue(state: DerivationState, applicationId: string, ags: string): string {
  const byAgs = state.resolutionDeadlines.get(applicationId) ?? new Map<string, ResolutionRound>();
  const round = byAgs.get(ags)?.round ?? 1;
  byAgs.set(ags, { round, wanted: true });
  state.resolutionDeadlines.set(applicationId, byAgs);
  return resolutionDeadlineId(state, applicationId, ags);
}

/** Withdraws the deadlines in force and makes way for those of a later selection. */
export function withdrawResolutionsDue(
  state: DerivationState,
  applicationId: string,
  withdrawal: Withdrawal,
): string[] {
  const ids: string[] = [];
  for (const [ags, current] of state.resolutionDeadlines.get(applicationId) ?? []) {
    if (!current.wanted) continue;
    const deadlineId = resolutionDeadlineId(state, applicationId, ags);
    if (!state.withdrawals.has(deadlineId)) state.withdrawals.set(deadlineId, withdrawal);
    current.round += 1;
    current.wanted = false;
    ids.push(deadlineId);
  }
  return ids;
}
