import { BudgetExceeded, ParticipantCapReached } from './errors';
import type { Submission } from './submission';

/** What the call's other decisions have committed: selected submissions and their amounts. */
export interface CallCommitments {
  selected: number;
  amountCents: number;
}

/** Which of the call's limits a selection goes beyond. */
export type CallLimit = 'participant-cap' | 'budget';

/** A selection beyond the call's limits, accepted by the grants office with its reason. */
export interface LimitsOverridden {
  limits: CallLimit[];
  reason: string;
}

/**
 * A selection stays within the call's participant cap and budget; beyond them only with the grants
 * office's stated reason, which the decision records. Returns what was overridden, if anything.
 */
export function checkCallLimits(
  submission: Submission,
  amountCents: number,
  committed: CallCommitments,
  override: { reason: string } | undefined,
): LimitsOverridden | undefined {
  const { participants, budgetCents } = submission.call;
  const beyond: CallLimit[] = [];
  if (participants && committed.selected + 1 > participants.max) beyond.push('participant-cap');
  if (budgetCents !== undefined && committed.amountCents + amountCents > budgetCents) beyond.push('budget');
  if (beyond.length === 0) return undefined;
  const reason = override?.reason.trim() ?? '';
  if (reason !== '') return { limits: beyond, reason };
  if (beyond[0] === 'participant-cap')
    throw new ParticipantCapReached({
      callId: submission.callId,
      max: participants!.max,
      selected: committed.selected,
    });
  throw new BudgetExceeded({
    callId: submission.callId,
    budgetCents: budgetCents!,
    committedCents: committed.amountCents,
    amountCents,
  });
}
