import type { Decider } from '@app/eventsourcing';
import {
  type DeadlineEvent,
  type DeadlineOpenedData,
  type DeadlineState,
  evolveDeadline,
  initialDeadlineState,
} from '../deadline';

export interface OpenDeadline {
  opened: DeadlineOpenedData;
}

/** Derived from an obligation's cause: opening twice (a replay, a second worker) opens once. */
export function openDeadline(command: OpenDeadline, state: DeadlineState): DeadlineEvent[] {
  if (state.status !== 'none') return [];
  return [{ type: 'DeadlineOpened', data: command.opened }];
}

export const openDeadlineDecider: Decider<OpenDeadline, DeadlineEvent, DeadlineState> = {
  decide: openDeadline,
  evolve: evolveDeadline,
  initialState: initialDeadlineState,
};
