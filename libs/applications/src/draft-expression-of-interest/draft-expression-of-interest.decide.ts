import { type Decider, NotFound } from '@app/eventsourcing';
import type { CallFacts } from '../call-facts';
import { ApplicantNotEligible, CallClosed, ExpressionOfInterestExists, UnknownMunicipality } from '../errors';
import {
  type Applicant,
  evolveExpressionOfInterest,
  type ExpressionOfInterestContent,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
} from '../expression-of-interest';
import { checkMembers, type MemberLookup } from '../joint-application';

export interface DraftExpressionOfInterest {
  applicationId: string;
  leadAgs: string;
  content: ExpressionOfInterestContent;
  /** Outside facts, gathered by the handler. */
  call: CallFacts;
  applicant?: Applicant;
  members: MemberLookup[];
  now: string;
}

export function draftExpressionOfInterest(
  command: DraftExpressionOfInterest,
  state: ExpressionOfInterestState,
): ExpressionOfInterestEvent[] {
  const { call, applicant, now } = command;
  if (state.status !== 'none') throw new ExpressionOfInterestExists(command.applicationId);
  // A draft call is the grants office's working paper: to applicants it does not exist yet.
  if (call.status !== 'published') throw new NotFound('Call', call.callId);
  if (Date.parse(now) >= Date.parse(call.closesAt)) throw new CallClosed(call.callId, call.closesAt);
  if (!applicant) throw new UnknownMunicipality(command.leadAgs);
  if (!call.eligibleApplicantTypes.includes(applicant.type)) {
    throw new ApplicantNotEligible(applicant.name, applicant.type, call.eligibleApplicantTypes);
  }
  const members = checkMembers(applicant, command.members, call.eligibleApplicantTypes);
  return [
    {
      type: 'ExpressionOfInterestDrafted',
      data: {
        applicationId: command.applicationId,
        callId: call.callId,
        programmeId: call.programmeId,
        applicant,
        members,
        content: command.content,
      },
    },
  ];
}

export const draftExpressionOfInterestDecider: Decider<
  DraftExpressionOfInterest,
  ExpressionOfInterestEvent,
  ExpressionOfInterestState
> = {
  decide: draftExpressionOfInterest,
  evolve: evolveExpressionOfInterest,
  initialState: initialExpressionOfInterestState,
};
