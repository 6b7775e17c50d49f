import { type Decider, NotFound } from '@app/eventsourcing';
import { assertCallOpen, type CallFacts } from '../call-facts';
import { checkAnswers } from '../form-answers';
import { AlreadySubmitted, CallClosed } from '../errors';
import {
  evolveExpressionOfInterest,
  type ExpressionOfInterestContent,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
} from '../expression-of-interest';
import { checkMembers, type MemberLookup, reconcileInvitations } from '../joint-application';

export interface ReviseExpressionOfInterest {
  applicationId: string;
  content: ExpressionOfInterestContent;
  members: MemberLookup[];
  call: CallFacts;
  now: string;
}

/**
 * A draft may be revised as often as needed until the call closes; the whole content is replaced.
 * The members named are the lead's wish: those not yet invited are invited, open invitations and
 * memberships no longer named are withdrawn; confirmations already given stay.
 */
export function reviseExpressionOfInterest(
  command: ReviseExpressionOfInterest,
  state: ExpressionOfInterestState,
): ExpressionOfInterestEvent[] {
  if (state.status === 'none') throw new NotFound('Expression of interest', command.applicationId);
  const { applicationId, call } = command;
  if (state.status === 'submitted') throw new AlreadySubmitted({ applicationId });
  assertCallOpen(call);
  if (Date.parse(command.now) >= Date.parse(call.closesAt))
    throw new CallClosed({ callId: state.callId, closesAt: call.closesAt });
  checkAnswers(call.form, command.content);
  const named = checkMembers(state.applicant, command.members, call.eligibleApplicantTypes);
  return [
    { type: 'ExpressionOfInterestRevised', data: { applicationId, content: command.content } },
    ...reconcileInvitations(state.invitations, named, { applicationId, callId: state.callId }),
  ];
}

export const reviseExpressionOfInterestDecider: Decider<
  ReviseExpressionOfInterest,
  ExpressionOfInterestEvent,
  ExpressionOfInterestState
> = {
  decide: reviseExpressionOfInterest,
  evolve: evolveExpressionOfInterest,
  initialState: initialExpressionOfInterestState,
};
