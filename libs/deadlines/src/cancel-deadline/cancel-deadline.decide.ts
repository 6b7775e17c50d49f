import { type Decider, NotFound } from '@app/eventsourcing';
import {
  type DeadlineEvent,
  type DeadlineState,
  ELAPSING_KINDS,
  evolveDeadline,
  initialDeadlineState,
} from '../deadline';
import { DeadlineClosed, DeadlineFollowsItsCause, ReasonMissing } from '../errors';

export interface CancelDeadline {
  deadlineId: string;
  reason: string;
  by: string;
  now: string;
}

/** The obligation no longer applies (a grant revoked, a selection corrected): nothing more is sent. */
export function cancelDeadline(command: CancelDeadline, state: DeadlineState): DeadlineEvent[] {
  if (state.status === 'none') throw new NotFound('Deadline', command.deadlineId);
  if (state.status === 'met' || state.status === 'cancelled')
    throw new DeadlineClosed(command.deadlineId, state.status);
  // When a call closes or a phase ends is part of the call or the notice, not of its deadline.
  if (ELAPSING_KINDS.includes(state.deadline.kind))
    throw new DeadlineFollowsItsCause(command.deadlineId, state.deadline.kind);
  if (command.reason.trim() === '') throw new ReasonMissing('cancellation');
  return [
    {
      type: 'DeadlineCancelled',
      data: {
        deadlineId: command.deadlineId,
        reason: command.reason.trim(),
        by: command.by,
        cancelledAt: command.now,
      },
    },
  ];
}

export const cancelDeadlineDecider: Decider<CancelDeadline, DeadlineEvent, DeadlineState> = {
  decide: cancelDeadline,
  evolve: evolveDeadline,
  initialState: initialDeadlineState,
};
