import type { Decider } from '@app/eventsourcing';
import {
  evolveSelection,
  initialSelectionState,
  type SelectionEvent,
  type SelectionState,
} from '../selection';
import { assertCallClosed, assertSubmitted, assertUndecided, type SubmissionFacts } from '../submission';
import { formalChecks } from './formal-checks';

export interface RecordFormalCheck {
  submission: SubmissionFacts;
  /** What the grants office adds to the grounds the facts give. */
  officeReasons: string[];
  now: string;
}

/**
 * Records the formal check as the facts stand now, once the call has closed. It may be repeated
 * until the decision, e.g.
 * once a promised resolution has been recorded; the latest check is the one a decision relies on.
 */
export function recordFormalCheck(command: RecordFormalCheck, state: SelectionState): SelectionEvent[] {
  const { submission } = command;
  assertSubmitted(submission);
  assertUndecided(state, submission.applicationId);
  assertCallClosed(submission, command.now);
  const { checks, passed, reasons } = formalChecks(submission);
  const officeReasons = command.officeReasons.map((r) => r.trim()).filter((r) => r !== '');
  return [
    {
      type: 'FormalCheckRecorded',
      data: {
        applicationId: submission.applicationId,
        callId: submission.callId,
        checks,
        passed,
        reasons: [...reasons, ...officeReasons],
        rules: { ...submission.rules.applied },
        checkedAt: command.now,
      },
    },
  ];
}

export const recordFormalCheckDecider: Decider<RecordFormalCheck, SelectionEvent, SelectionState> = {
  decide: recordFormalCheck,
  evolve: evolveSelection,
  initialState: initialSelectionState,
};
