import { type Decider, NotFound } from '@app/eventsourcing';
import type { AppliedRules, CallConditions } from '@app/programmes-calls';
import { assertCallOpen, assertCallOpened, type CallFacts } from '../call-facts';
import {
  AlreadySubmitted,
  CoordinatorMissing,
  CouncilResolutionMissing,
  CouncilResolutionStatementMissing,
  ExpressionOfInterestIncomplete,
  SubmissionAfterDeadline,
} from '../errors';
import { checkAnswers, isFilledIn, missingFields } from '../form-answers';
import {
  evolveExpressionOfInterest,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
  REQUIRED_FOR_SUBMISSION,
} from '../expression-of-interest';

/** The programme rules in force at the moment of submission, and which version they are. */
export interface RulesAtSubmission {
  conditions: CallConditions;
  applied: AppliedRules;
}

export interface SubmitExpressionOfInterest {
  applicationId: string;
  call: CallFacts;
  rules: RulesAtSubmission;
  now: string;
}

/**
 * Submission before 24:00 Berlin time on the closing date, complete, and meeting the conditions
 * of the rules in force now (the call's terms overlaid by the programme's rules version): a named
 * coordinator, and an adopted council resolution where the rules demand one at submission (a
 * promise suffices where it may follow after selection). The event records the version applied.
 * Only confirmed members are members of what is submitted: invitations still open lapse with the
 * submission, each recorded, so the invited municipality knows it is not bound and is free.
 */
export function submitExpressionOfInterest(
  command: SubmitExpressionOfInterest,
  state: ExpressionOfInterestState,
): ExpressionOfInterestEvent[] {
  const { call, now } = command;
  const { conditions, applied } = command.rules;
  if (state.status === 'none') throw new NotFound('Expression of interest', command.applicationId);
  if (state.status === 'submitted') throw new AlreadySubmitted({ applicationId: command.applicationId });
  assertCallOpen(call);
  assertCallOpened(call, now);
  if (Date.parse(now) >= Date.parse(call.closesAt))
    throw new SubmissionAfterDeadline({ callId: call.callId, closesAt: call.closesAt, attemptedAt: now });
  // The call's form says what must be there (the form may have been amended since the answers
  // were written: they are checked again); the financial plan is asked of every call.
  const missing = call.form
    ? [
        ...(checkAnswers(call.form, state.content), missingFields(call.form, state.content)),
        ...(isFilledIn(state.content.financialPlan)
          ? []
          : [{ fieldId: 'financialPlan', label: 'Finanzierungsplan' }]),
      ]
    : REQUIRED_FOR_SUBMISSION.filter((field) => !isFilledIn(state.content[field])).map((fieldId) => ({
        fieldId,
        label: fieldId,
      }));
  if (missing.length > 0)
    throw new ExpressionOfInterestIncomplete({
      missing: missing.map((m) => m.fieldId),
      labels: missing.map((m) => m.label),
    });
  if (conditions.coordinatorRequired && !state.content.coordinator?.name?.trim())
    throw new CoordinatorMissing({});
  const resolution = state.content.councilResolution;
  if (conditions.councilResolution === 'required-at-submission' && resolution?.status !== 'adopted') {
    throw new CouncilResolutionMissing({});
  }
  if (conditions.councilResolution === 'may-follow-after-selection' && !isFilledIn(resolution)) {
    throw new CouncilResolutionStatementMissing({});
  }
  const { applicationId } = command;
  return [
    {
      type: 'ExpressionOfInterestSubmitted',
      data: { applicationId, callId: call.callId, submittedAt: now, rules: { ...applied } },
    },
    ...state.invitations
      .filter((i) => i.status === 'invited')
      .map((i): ExpressionOfInterestEvent => ({
        type: 'JointApplicationInvitationLapsed',
        data: { applicationId, callId: call.callId, ags: i.municipality.ags },
      })),
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
