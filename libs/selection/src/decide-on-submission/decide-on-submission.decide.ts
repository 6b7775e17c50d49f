import type { Decider } from '@app/eventsourcing';
import { type CallCommitments, checkCallLimits } from '../call-limits';
import { assertDecidable, selectionTerms, statedReasons } from '../decision';
import {
  evolveSelection,
  initialSelectionState,
  type Outcome,
  type SelectionEvent,
  type SelectionState,
} from '../selection';
import {
  assertCallClosed,
  assertSubmitted,
  assertUndecided,
  namedAgs,
  type SubmissionFacts,
} from '../submission';

export interface DecideOnSubmission {
  submission: SubmissionFacts;
  outcome: Outcome;
  reasons: string[];
  /** The lead's population as the municipality registry gives it now. */
  population: number;
  /** What the call's other decisions committed (for its participant cap and budget). */
  committed?: CallCommitments;
  /** The grants office's reason to select beyond the call's limits. */
  limitOverride?: { reason: string };
  now: string;
}

/**
 * The grants office's decision on a submission, once and after the call closed: selected (with the amount its size tier
 * gives), rejected or waitlisted, with reasons and the rules version it was decided under.
 */
export function decideOnSubmission(command: DecideOnSubmission, state: SelectionState): SelectionEvent[] {
  const { submission, outcome, now } = command;
  assertSubmitted(submission);
  assertUndecided(state, submission.applicationId);
  assertCallClosed(submission, now);
  assertDecidable(state, submission.applicationId, outcome);
  const base = {
    applicationId: submission.applicationId,
    callId: submission.callId,
    programmeId: submission.programmeId,
    ags: submission.lead.ags,
    reasons: statedReasons(command.reasons),
    rules: { ...submission.rules.applied },
    decidedAt: now,
  };
  if (outcome === 'rejected') return [{ type: 'SubmissionRejected', data: base }];
  if (outcome === 'waitlisted') return [{ type: 'SubmissionWaitlisted', data: base }];
  const terms = selectionTerms(submission, command.population, now);
  const overridden = checkCallLimits(
    submission,
    terms.amountCents,
    command.committed ?? { selected: 0, amountCents: 0 },
    command.limitOverride,
  );
  return [
    {
      type: 'SubmissionSelected',
      data: {
        ...base,
        members: namedAgs(submission).slice(1),
        ...terms,
        ...(overridden && { limitsOverridden: overridden }),
      },
    },
  ];
}

export const decideOnSubmissionDecider: Decider<DecideOnSubmission, SelectionEvent, SelectionState> = {
  decide: decideOnSubmission,
  evolve: evolveSelection,
  initialState: initialSelectionState,
};
