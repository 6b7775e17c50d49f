import { type Decider, NotFound } from '@app/eventsourcing';
import { assertCallOpen, type CallFacts } from '../call-facts';
import { AlreadySubmitted, CallClosed } from '../errors';
import {
  evolveExpressionOfInterest,
  type ExpressionOfInterestContent,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
} from '../expression-of-interest';
import { checkMembers, type MemberLookup } from '../joint-application';

export interface ReviseExpressionOfInterest {
  applicationId: string;
  content: ExpressionOfInterestContent;
  members: MemberLookup[];
  call: CallFacts;
  now: string;
}

/** A draft may be revised as often as needed until the call closes; the whole content is replaced. */
export function reviseExpressionOfInterest(
  command: ReviseExpressionOfInterest,
  state: ExpressionOfInterestState,
): ExpressionOfInterestEvent[] {
  if (state.status === 'none') throw new NotFound('Expression of interest', command.applicationId);
  if (state.status === 'submitted') throw new AlreadySubmitted(command.applicationId);
  assertCallOpen(command.call);
  if (Date.parse(command.now) >= Date.parse(command.call.closesAt))
    throw new CallClosed(state.callId, command.call.closesAt);
  const members = checkMembers(state.applicant, command.members, command.call.eligibleApplicantTypes);
  return [
    {
      type: 'ExpressionOfInterestRevised',
      data: { applicationId: command.applicationId, members, content: command.content },
    },
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
