import type { Decider } from '@app/eventsourcing';
import {
  type DeadlineEvent,
  type DeadlineState,
  ELAPSING_KINDS,
  evolveDeadline,
  initialDeadlineState,
  partiesOf,
} from '../deadline';
import { FiringTooEarly } from '../firing-too-early';

export interface PassDueMoment {
  deadlineId: string;
  /** The due moment the firing was planned for. */
  dueAt: string;
  now: string;
  /** For an elapsing deadline: the event its elapsing caused (the call's CallClosed). */
  elapsedBy?: string;
}

/**
 * At 24:00 on the last day an open obligation is missed and escalated to the grants office at
 * once; a deadline of an elapsing kind (call closes, phase ends) simply ends, as met. A firing
 * for a due moment an extension replaced does nothing.
 */
export function passDueMoment(command: PassDueMoment, state: DeadlineState): DeadlineEvent[] {
  if (state.status !== 'open' || state.deadline.dueAt !== command.dueAt) return [];
  const { deadline } = state;
  if (Date.parse(command.now) < Date.parse(deadline.dueAt))
    throw new FiringTooEarly(deadline.deadlineId, deadline.dueAt, command.now);
  if (ELAPSING_KINDS.includes(deadline.kind)) {
    return [
      {
        type: 'DeadlineMet',
        data: {
          deadlineId: deadline.deadlineId,
          metAt: deadline.dueAt,
          by: command.elapsedBy ?? deadline.cause,
          elapsed: true,
        },
      },
    ];
  }
  const parties = partiesOf(deadline);
  return [
    {
      type: 'DeadlineMissed',
      data: { ...parties, deadlineId: deadline.deadlineId, dueAt: deadline.dueAt, missedAt: deadline.dueAt },
    },
    {
      type: 'DeadlineEscalated',
      data: {
        ...parties,
        deadlineId: deadline.deadlineId,
        to: 'grants-office',
        at: command.now,
        dueAt: deadline.dueAt,
      },
    },
  ];
}

export const passDueMomentDecider: Decider<PassDueMoment, DeadlineEvent, DeadlineState> = {
  decide: passDueMoment,
  evolve: evolveDeadline,
  initialState: initialDeadlineState,
};
