import type { Decider } from '@app/eventsourcing';
import { type DeadlineEvent, type DeadlineState, evolveDeadline, initialDeadlineState } from '../deadline';

/** A municipality's part in an open deadline begins (its draft) or is done (its submission). */
export type RecordObligation =
  | { change: 'add'; deadlineId: string; ags: string; applicationId?: string; cause: string; at: string }
  | { change: 'meet'; deadlineId: string; ags: string; applicationId?: string; by: string; at: string };

/**
 * Derived from the applicant's own events, so recording twice (a replay, a second worker) records
 * once. Only an open deadline takes obligations: once the call has closed, nobody is reminded.
 */
export function recordObligation(command: RecordObligation, state: DeadlineState): DeadlineEvent[] {
  if (state.status !== 'open') return [];
  const { deadlineId, ags, applicationId } = command;
  const recorded = state.obligations.find((o) => o.ags === ags);
  const about = applicationId ? { applicationId } : {};
  if (command.change === 'add') {
    if (recorded) return [];
    return [
      {
        type: 'DeadlineObligationAdded',
        data: { deadlineId, ags, ...about, cause: command.cause, addedAt: command.at },
      },
    ];
  }
  if (!recorded || recorded.metAt !== undefined) return [];
  return [
    { type: 'DeadlineObligationMet', data: { deadlineId, ags, ...about, by: command.by, metAt: command.at } },
  ];
}

export const recordObligationDecider: Decider<RecordObligation, DeadlineEvent, DeadlineState> = {
  decide: recordObligation,
  evolve: evolveDeadline,
  initialState: initialDeadlineState,
};
