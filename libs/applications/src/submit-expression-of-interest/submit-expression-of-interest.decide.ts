import { type Decider, NotFound } from '@app/eventsourcing';
import type { CallFacts } from '../call-facts';
import {
  AlreadySubmitted,
  CoordinatorMissing,
  CouncilResolutionMissing,
  ExpressionOfInterestIncomplete,
  SubmissionAfterDeadline,
} from '../errors';
import {
  evolveExpressionOfInterest,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
  REQUIRED_FOR_SUBMISSION,
} from '../expression-of-interest';

export interface SubmitExpressionOfInterest {
  applicationId: string;
  call: CallFacts;
  now: string;
}

/**
 * Submission before 24:00 Berlin time on the closing date, complete, and meeting the call's
 * conditions: a named coordinator, and an adopted council resolution where the call demands one
 * at submission (a promise suffices where it may follow after selection).
 */
export function submitExpressionOfInterest(
  command: SubmitExpressionOfInterest,
  state: ExpressionOfInterestState,
): ExpressionOfInterestEvent[] {
  const { call, now } = command;
  if (state.status === 'none') throw new NotFound('Expression of interest', command.applicationId);
  if (state.status === 'submitted') throw new AlreadySubmitted(command.applicationId);
  if (Date.parse(now) >= Date.parse(call.closesAt))
    throw new SubmissionAfterDeadline(call.callId, call.closesAt, now);
  const missing = REQUIRED_FOR_SUBMISSION.filter((field) => {
    const value = state.content[field];
    return value === undefined || (typeof value === 'string' && value.trim() === '');
  });
  if (missing.length > 0) throw new ExpressionOfInterestIncomplete(missing);
  if (call.conditions.coordinatorRequired && !state.content.coordinator?.name?.trim())
    throw new CoordinatorMissing();
  const resolution = state.content.councilResolution;
  if (call.conditions.councilResolution === 'required-at-submission' && resolution?.status !== 'adopted') {
    throw new CouncilResolutionMissing();
  }
  if (call.conditions.councilResolution === 'may-follow-after-selection' && !resolution) {
    throw new ExpressionOfInterestIncomplete(['councilResolution (adopted, or promised after selection)']);
  }
  return [
    {
      type: 'ExpressionOfInterestSubmitted',
      data: { applicationId: command.applicationId, callId: call.callId, submittedAt: now },
    },
  ];
}

export const submitExpressionOfInterestDecider: Decider<
  SubmitExpressionOfInterest,
  ExpressionOfInterestEvent,
  ExpressionOfInterestState
> = {
  decide: submitExpressionOfInterest,
  evolve: evolveExpressionOfInterest,
  initialState: initialExpressionOfInterestState,
};
