import { NotFound } from '@app/eventsourcing';
import type { Applicant } from '@app/applications';
import type { AssessmentCriterion, RulesInForce } from '@app/programmes-calls';
import type { MunicipalityType } from '@app/shared';
import { NotSubmitted, SelectionAlreadyDecided } from './errors';
import type { SelectionState } from './selection';

/** A submitted expression of interest with the facts selection decides on, gathered by handlers. */
export interface Submission {
  status: 'submitted';
  applicationId: string;
  callId: string;
  programmeId: string;
  lead: Applicant;
  members: Applicant[];
  submittedAt: string;
  coordinatorName?: string;
  resolutionStatement?: 'adopted' | 'promised';
  call: {
    closesAt: string;
    eligibleApplicantTypes: MunicipalityType[];
    assessmentCriteria?: AssessmentCriterion[];
  };
  /** The rules in force when it was submitted, rebuilt from the version its submission recorded. */
  rules: RulesInForce;
  /** The municipalities named whose council has a committing resolution recorded (approved or amended). */
  committedAgs: string[];
}

export type SubmissionFacts = Submission | { status: 'none' | 'draft'; applicationId: string };

export function assertSubmitted(facts: SubmissionFacts): asserts facts is Submission {
  if (facts.status === 'none') throw new NotFound('Expression of interest', facts.applicationId);
  if (facts.status !== 'submitted') throw new NotSubmitted(facts.applicationId);
}

export function assertUndecided(state: SelectionState, applicationId: string): void {
  if (state.decision) throw new SelectionAlreadyDecided(applicationId, state.decision.outcome);
}

/** Every municipality an expression of interest names: the lead first, then the members. */
export const namedAgs = (s: Pick<Submission, 'lead' | 'members'>) => [
  s.lead.ags,
  ...s.members.map((m) => m.ags),
];
