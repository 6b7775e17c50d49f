import { type Decider, NotFound } from '@app/eventsourcing';
import { assertCallOpened, type CallFacts } from '../call-facts';
import { checkAnswers } from '../form-answers';
import { ApplicantNotEligible, CallClosed, ExpressionOfInterestExists, UnknownMunicipality } from '../errors';
import {
  type Applicant,
  evolveExpressionOfInterest,
  type ExpressionOfInterestContent,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
} from '../expression-of-interest';
import { checkMembers, type MemberLookup, reconcileInvitations } from '../joint-application';

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

/**
 * The draft of a lead applicant. The members it names are invited, not bound: each becomes a
 * member by its own confirmation, so naming a municipality never takes its place in the call.
 */
export function draftExpressionOfInterest(
  command: DraftExpressionOfInterest,
  state: ExpressionOfInterestState,
): ExpressionOfInterestEvent[] {
  const { call, applicant, now } = command;
  if (state.status !== 'none') throw new ExpressionOfInterestExists({ applicationId: command.applicationId });
  // A draft call is the grants office's working paper: to applicants it does not exist yet.
  if (call.status !== 'published') throw new NotFound('Call', call.callId);
  assertCallOpened(call, now);
  if (Date.parse(now) >= Date.parse(call.closesAt))
    throw new CallClosed({ callId: call.callId, closesAt: call.closesAt });
  checkAnswers(call.form, command.content);
  if (!applicant) throw new UnknownMunicipality({ ags: command.leadAgs });
  const eligible = call.eligibleApplicantTypes;
  if (!eligible.includes(applicant.type)) {
    throw new ApplicantNotEligible({ name: applicant.name, type: applicant.type, eligible });
  }
  const named = checkMembers(applicant, command.members, eligible);
  const { applicationId } = command;
  return [
    {
      type: 'ExpressionOfInterestDrafted',
      data: {
        applicationId,
        callId: call.callId,
        programmeId: call.programmeId,
        applicant,
        content: command.content,
      },
    },
    ...reconcileInvitations([], named, { applicationId, callId: call.callId }),
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
