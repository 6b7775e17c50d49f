import type { Decider } from '@app/eventsourcing';
import { assessable, type AssessmentCommand, toAssessment } from '../assessment';
import { AssessmentAlreadyScored } from '../errors';
import {
  evolveSelection,
  initialSelectionState,
  type SelectionEvent,
  type SelectionState,
} from '../selection';

export type ScoreAssessment = AssessmentCommand;

/** Assessment of the concept against the call's weighted criteria, once per assessor. */
export function scoreAssessment(command: ScoreAssessment, state: SelectionState): SelectionEvent[] {
  const submission = assessable(command, state);
  if (state.assessments[command.assessor])
    throw new AssessmentAlreadyScored(submission.applicationId, command.assessor);
  return [{ type: 'AssessmentScored', data: toAssessment(command, submission) }];
}

export const scoreAssessmentDecider: Decider<ScoreAssessment, SelectionEvent, SelectionState> = {
  decide: scoreAssessment,
  evolve: evolveSelection,
  initialState: initialSelectionState,
};
