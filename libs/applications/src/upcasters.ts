import type { Upcaster } from '@app/eventsourcing';
import type { Applicant, ExpressionOfInterestContent } from './expression-of-interest';

/** The rules an application was decided under; version 0: the call's own terms. */
interface AppliedRules {
  version: number;
  effectiveFrom: string | null;
}

/** Schema version 1 of ExpressionOfInterestSubmitted, as written before programme rules existed. */
interface ExpressionOfInterestSubmittedV1 {
  applicationId: string;
  callId: string;
  submittedAt: string;
  rules?: AppliedRules;
}

/** Schema version 2: the submission records which version of the programme's rules applies. */
interface ExpressionOfInterestSubmittedV2 extends ExpressionOfInterestSubmittedV1 {
  rules: AppliedRules;
}

/**
 * Submissions of 2011 were decided under the call's own terms: no versioned programme rules were
 * in force, which is what version 0 says. A v1 event that already carries rules (written by
 * today's code before its version was stamped) keeps them.
 */
export const expressionOfInterestSubmittedV1ToV2: Upcaster<
  ExpressionOfInterestSubmittedV1,
  ExpressionOfInterestSubmittedV2
> = {
  type: 'ExpressionOfInterestSubmitted',
  fromVersion: 1,
  upcast: (data) => ({ ...data, rules: data.rules ?? { version: 0, effectiveFrom: null } }),
};

/** Schema version 1 of ExpressionOfInterestDrafted: the lead's `members` were bound by being named. */
interface ExpressionOfInterestDraftedV1 {
  applicationId: string;
  callId: string;
  programmeId: string;
  applicant: Applicant;
  members: Applicant[];
  content: ExpressionOfInterestContent;
}

/** Schema version 1 of ExpressionOfInterestRevised: `members` replaced the bound members outright. */
interface ExpressionOfInterestRevisedV1 {
  applicationId: string;
  members: Applicant[];
  content: ExpressionOfInterestContent;
}

type WithoutMembers<T> = Omit<T, 'members'> & { membersBoundByLead: Applicant[] };

/**
 * Before invitations, naming a municipality as a member bound it at once: its participation was
 * claimed with the draft, and nobody asked it. That is what happened, so it stays true: those
 * members are read as confirmed, under a name that says how they were bound. Version 2, written
 * today, names no members at all: invitations and confirmations are events of their own.
 */
function boundByLead<T extends { members?: Applicant[] }>(data: T): WithoutMembers<T> {
  const { members, ...rest } = data;
  return { ...rest, membersBoundByLead: members ?? [] } as WithoutMembers<T>;
}

export const expressionOfInterestDraftedV1ToV2: Upcaster<
  ExpressionOfInterestDraftedV1,
  WithoutMembers<ExpressionOfInterestDraftedV1>
> = { type: 'ExpressionOfInterestDrafted', fromVersion: 1, upcast: boundByLead };

export const expressionOfInterestRevisedV1ToV2: Upcaster<
  ExpressionOfInterestRevisedV1,
  WithoutMembers<ExpressionOfInterestRevisedV1>
> = { type: 'ExpressionOfInterestRevised', fromVersion: 1, upcast: boundByLead };

export const applicationUpcasters: Upcaster[] = [
  expressionOfInterestSubmittedV1ToV2 as Upcaster,
  expressionOfInterestDraftedV1ToV2 as Upcaster,
  expressionOfInterestRevisedV1ToV2 as Upcaster,
];
