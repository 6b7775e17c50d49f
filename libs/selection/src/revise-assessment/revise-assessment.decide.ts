import type { Decider } from '@app/eventsourcing';
import { NoAssessmentToRevise } from '../errors';
import { assessable, type AssessmentCommand, toAssessment } from '../assessment';
import {
  evolveSelection,
  initialSelectionState,
  type SelectionEvent,
  type SelectionState,
} from '../selection';

export type ReviseAssessment = AssessmentCommand;

/**
 * An assessor revises their own assessment; the earlier one stays in the history. Sending the
 * same assessment again records nothing; a corrected assessor name alone is recorded.
 */
export function reviseAssessment(command: ReviseAssessment, state: SelectionState): SelectionEvent[] {
  const submission = assessable(command, state);
  const current = state.assessments[command.assessor];
  if (!current) throw new NoAssessmentToRevise(submission.applicationId, command.assessor);
  const revised = toAssessment(command, submission);
  // A revision without a name keeps the one given before; a new name alone is a revision too.
  const renamed = revised.assessorName !== undefined && revised.assessorName !== current.assessorName;
  const unchanged =
    JSON.stringify(revised.scores) === JSON.stringify(current.scores) &&
    revised.comment === current.comment &&
    !renamed;
  return unchanged ? [] : [{ type: 'AssessmentRevised', data: revised }];
}

export const reviseAssessmentDecider: Decider<ReviseAssessment, SelectionEvent, SelectionState> = {
  decide: reviseAssessment,
  evolve: evolveSelection,
  initialState: initialSelectionState,
};
