import type { Decider } from '@app/eventsourcing';
import {
  DEADLINE_MANAGER_SUBJECT,
  type DeadlineEvent,
  type DeadlineState,
  evolveDeadline,
  initialDeadlineState,
} from '../deadline';

export interface WithdrawDeadline {
  deadlineId: string;
  reason: string;
  /** The event that withdrew the obligation (e.g. a corrected selection decision). */
  cause: string;
  at: string;
}

/**
 * The cause itself took the obligation back (a selection corrected away from "selected"): the
 * deadline is cancelled if it is still open or missed, and otherwise left as it ended. Unlike the
 * office's cancellation nothing is refused: the manager acts on facts, it does not ask.
 */
export function withdrawDeadline(command: WithdrawDeadline, state: DeadlineState): DeadlineEvent[] {
  if (state.status !== 'open' && state.status !== 'missed') return [];
  return [
    {
      type: 'DeadlineCancelled',
      data: {
        deadlineId: command.deadlineId,
        reason: command.reason,
        by: DEADLINE_MANAGER_SUBJECT,
        cancelledAt: command.at,
        cause: command.cause,
      },
    },
  ];
}

export const withdrawDeadlineDecider: Decider<WithdrawDeadline, DeadlineEvent, DeadlineState> = {
  decide: withdrawDeadline,
  evolve: evolveDeadline,
  initialState: initialDeadlineState,
};
