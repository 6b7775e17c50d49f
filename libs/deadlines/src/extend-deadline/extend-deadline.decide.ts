import { type Decider, NotFound } from '@app/eventsourcing';
import type { DeadlineEnd } from '@app/shared';
import {
  type DeadlineEvent,
  type DeadlineState,
  ELAPSING_KINDS,
  evolveDeadline,
  initialDeadlineState,
} from '../deadline';
import {
  DeadlineClosed,
  DeadlineFollowsItsCause,
  ExtensionIntoPast,
  ExtensionNotLater,
  ReasonMissing,
} from '../errors';

export interface ExtendDeadline {
  deadlineId: string;
  /** The new end, computed by the business calendar from the stated date. */
  end: DeadlineEnd;
  reason: string;
  by: string;
  now: string;
}

/**
 * The grants office grants more time: the new end must lie ahead, later than the current one,
 * and the reason is recorded. A missed deadline may be extended too; it is open again.
 */
export function extendDeadline(command: ExtendDeadline, state: DeadlineState): DeadlineEvent[] {
  if (state.status === 'none') throw new NotFound('Deadline', command.deadlineId);
  if (state.status === 'met' || state.status === 'cancelled')
    throw new DeadlineClosed(command.deadlineId, state.status);
  // When a call closes or a phase ends is part of the call or the notice, not of its deadline.
  if (ELAPSING_KINDS.includes(state.deadline.kind))
    throw new DeadlineFollowsItsCause(command.deadlineId, state.deadline.kind);
  if (command.reason.trim() === '') throw new ReasonMissing('extension');
  const { end } = command;
  if (Date.parse(end.dueAt) <= Date.parse(command.now))
    throw new ExtensionIntoPast(end.dueDate, end.dueAt, command.now);
  if (Date.parse(end.dueAt) <= Date.parse(state.deadline.dueAt))
    throw new ExtensionNotLater(end.dueDate, state.deadline.dueAt);
  return [
    {
      type: 'DeadlineExtended',
      data: {
        deadlineId: command.deadlineId,
        dueDate: end.dueDate,
        lastDay: end.lastDay,
        dueAt: end.dueAt,
        fixed: end.fixed,
        reason: command.reason.trim(),
        by: command.by,
        extendedAt: command.now,
      },
    },
  ];
}

export const extendDeadlineDecider: Decider<ExtendDeadline, DeadlineEvent, DeadlineState> = {
  decide: extendDeadline,
  evolve: evolveDeadline,
  initialState: initialDeadlineState,
};
