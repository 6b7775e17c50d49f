import type { Decider } from '@app/eventsourcing';
import { assertDecidable, selectionTerms, statedReasons } from '../decision';
import { CorrectionChangesNothing, GrantAlreadyIssued, NoDecisionToCorrect } from '../errors';
import {
  evolveSelection,
  initialSelectionState,
  type Outcome,
  type SelectionEvent,
  type SelectionState,
} from '../selection';
import { assertSubmitted, namedAgs, type SubmissionFacts } from '../submission';

export interface CorrectSelectionDecision {
  submission: SubmissionFacts;
  outcome: Outcome;
  reasons: string[];
  /** The lead's population as the municipality registry gives it now. */
  population: number;
  /** The grant notice issued on this selection (the lead's grant for the call's phase), if any. */
  issuedGrantId?: string;
  now: string;
}

/**
 * A made decision is never edited: a correction records the new outcome beside it, with its own
 * reasons, naming the outcome it corrects. A correction to "selected" carries the amount and any
 * resolution now due, as a first selection would. Once a grant notice rests on the selection,
 * the selection stands: the notice is undone by revoking it, not by correcting its ground.
 */
export function correctSelectionDecision(
  command: CorrectSelectionDecision,
  state: SelectionState,
): SelectionEvent[] {
  const { submission, outcome, now } = command;
  assertSubmitted(submission);
  if (!state.decision) throw new NoDecisionToCorrect(submission.applicationId);
  if (command.issuedGrantId) throw new GrantAlreadyIssued(submission.applicationId, command.issuedGrantId);
  if (state.decision.outcome === outcome)
    throw new CorrectionChangesNothing(submission.applicationId, outcome);
  assertDecidable(state, submission.applicationId, outcome);
  const reasons = statedReasons(command.reasons);
  return [
    {
      type: 'SelectionDecisionCorrected',
      data: {
        applicationId: submission.applicationId,
        callId: submission.callId,
        programmeId: submission.programmeId,
        ags: submission.lead.ags,
        members: namedAgs(submission).slice(1),
        outcome,
        corrects: state.decision.outcome,
        ...(outcome === 'selected' ? selectionTerms(submission, command.population, now) : {}),
        reasons,
        rules: { ...submission.rules.applied },
        correctedAt: now,
      },
    },
  ];
}

export const correctSelectionDecisionDecider: Decider<
  CorrectSelectionDecision,
  SelectionEvent,
  SelectionState
> = {
  decide: correctSelectionDecision,
  evolve: evolveSelection,
  initialState: initialSelectionState,
};
