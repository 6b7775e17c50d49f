import type { Decider } from '@app/eventsourcing';
import { type DeadlineEvent, type DeadlineState, evolveDeadline, initialDeadlineState } from '../deadline';

export interface MeetDeadline {
  deadlineId: string;
  /** Business time of the fact that met it (the answer submitted, the resolution adopted). */
  metAt: string;
  /** Event id of that fact. */
  by: string;
}

/**
 * The obligation is fulfilled. A fulfilment after the deadline was missed still closes it, marked
 * late if it really came after the due moment (and not just reached the worker after it).
 */
export function meetDeadline(command: MeetDeadline, state: DeadlineState): DeadlineEvent[] {
  if (state.status !== 'open' && state.status !== 'missed') return [];
  const late = Date.parse(command.metAt) >= Date.parse(state.deadline.dueAt);
  return [
    {
      type: 'DeadlineMet',
      data: {
        deadlineId: state.deadline.deadlineId,
        metAt: command.metAt,
        by: command.by,
        ...(late ? { late: true } : {}),
      },
    },
  ];
}

export const meetDeadlineDecider: Decider<MeetDeadline, DeadlineEvent, DeadlineState> = {
  decide: meetDeadline,
  evolve: evolveDeadline,
  initialState: initialDeadlineState,
};
