import type { Decider } from '@app/eventsourcing';
import { type DeadlineEvent, type DeadlineState, evolveDeadline, initialDeadlineState } from '../deadline';

/** An amendment of a deadline's subject (a published call's terms), as the history states it. */
export interface Amendment {
  reason: string;
  changed: string[];
  /** Who amended the subject (the grants office user). */
  by: string;
  /** The event that amended it. */
  cause: string;
  at: string;
}

export interface AnnounceAmendment extends Amendment {
  deadlineId: string;
}

/**
 * Those a running deadline obliges are told when its subject changes: every lead that drafted for
 * an amended call learns what changed and why. Nothing once the deadline ended or the amendment
 * was announced, so that a replay records nothing twice.
 */
export function announceAmendment(command: AnnounceAmendment, state: DeadlineState): DeadlineEvent[] {
  if (state.status !== 'open') return [];
  if (state.amendments?.includes(command.cause)) return [];
  return [
    {
      type: 'DeadlineSubjectAmended',
      data: {
        deadlineId: command.deadlineId,
        reason: command.reason,
        changed: command.changed,
        by: command.by,
        amendedAt: command.at,
        cause: command.cause,
        notify: [...new Set(state.obligations.map((o) => o.ags))],
      },
    },
  ];
}

export const announceAmendmentDecider: Decider<AnnounceAmendment, DeadlineEvent, DeadlineState> = {
  decide: announceAmendment,
  evolve: evolveDeadline,
  initialState: initialDeadlineState,
};
