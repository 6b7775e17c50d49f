import type { Decider } from '@app/eventsourcing';
import type { DeadlineEnd } from '@app/shared';
import { type DeadlineEvent, type DeadlineState, evolveDeadline, initialDeadlineState } from '../deadline';

/** A later end its cause states (a call's closing extended): what the deadline manager records. */
export interface Move {
  end: DeadlineEnd;
  reason: string;
  /** Who moved the cause (the grants office user). */
  by: string;
  /** The event that moved it. */
  cause: string;
  at: string;
}

export interface FollowCause extends Move {
  deadlineId: string;
}

/**
 * An elapsing deadline (a call's closing) follows its cause: when the call's closing is extended,
 * the deadline is extended with it. Nothing to do once it ended or already ends there, so that a
 * replay records nothing twice.
 */
export function followCause(command: FollowCause, state: DeadlineState): DeadlineEvent[] {
  if (state.status !== 'open') return [];
  if (state.deadline.dueAt === command.end.dueAt) return [];
  const { end } = command;
  return [
    {
      type: 'DeadlineExtended',
      data: {
        deadlineId: command.deadlineId,
        dueDate: end.dueDate,
        lastDay: end.lastDay,
        dueAt: end.dueAt,
        fixed: end.fixed,
        reason: command.reason,
        by: command.by,
        extendedAt: command.at,
        // Everyone it obliged (every lead that drafted for the call) is told of the new end.
        notify: [...new Set(state.obligations.map((o) => o.ags))],
      },
    },
  ];
}

export const followCauseDecider: Decider<FollowCause, DeadlineEvent, DeadlineState> = {
  decide: followCause,
  evolve: evolveDeadline,
  initialState: initialDeadlineState,
};
