import { NotFound } from '@app/eventsourcing';
import type { Applicant } from '@app/applications';
import { type AssessmentCriterion, berlinDate, type RulesInForce } from '@app/programmes-calls/rules';
import type { MunicipalityType } from '@app/shared';
import { CallStillOpen, NotSubmitted, SelectionAlreadyDecided } from './errors';
import type { SelectionState } from './selection';

/** A council resolution recorded for a municipality named, committing it (approved or amended). */
export interface CommittingResolution {
  ags: string;
  /** The day the council adopted it, as the latest record or correction states. */
  resultDate: string;
}

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
    /** The funding phase the call is for; a call that names none is a phase-I call. */
    phase: number;
    /** The call's participant cap and budget, which selection stays within. */
    participants?: { min: number; max: number };
    budgetCents?: number;
  };
  /** The rules in force when it was submitted, rebuilt from the version its submission recorded. */
  rules: RulesInForce;
  /** The committing resolutions recorded for the municipalities named, whenever adopted. */
  committingResolutions: CommittingResolution[];
}

export type SubmissionFacts = Submission | { status: 'none' | 'draft'; applicationId: string };

export function assertSubmitted(facts: SubmissionFacts): asserts facts is Submission {
  if (facts.status === 'none') throw new NotFound('Expression of interest', facts.applicationId);
  if (facts.status !== 'submitted') throw new NotSubmitted(facts.applicationId);
}

export function assertUndecided(state: SelectionState, applicationId: string): void {
  if (state.decision) throw new SelectionAlreadyDecided(applicationId, state.decision.outcome);
}

/** Checked and decided only once the call has closed: until then more submissions may come. */
export function assertCallClosed(submission: Submission, now: string): void {
  if (Date.parse(now) < Date.parse(submission.call.closesAt))
    throw new CallStillOpen(submission.applicationId, submission.callId, submission.call.closesAt);
}

/** Every municipality an expression of interest names: the lead first, then the members. */
export const namedAgs = (s: Pick<Submission, 'lead' | 'members'>) => [
  s.lead.ags,
  ...s.members.map((m) => m.ags),
];

/**
 * Whether a committing resolution counts for the rules of the submission: where the rules require
 * it at submission, only one adopted on or before the day (Berlin) it was submitted; otherwise
 * any, as it may follow after selection.
 */
function counts(s: Submission, resolution: CommittingResolution): boolean {
  if (s.rules.rules.councilResolution !== 'required-at-submission') return true;
  return resolution.resultDate <= berlinDate(s.submittedAt);
}

/** The municipalities named whose council is committed by a resolution that counts. */
export function committedAgs(s: Submission): string[] {
  return namedAgs(s).filter((ags) => s.committingResolutions.some((r) => r.ags === ags && counts(s, r)));
}

/** Committing resolutions adopted only after the submission, where the rules required them at it. */
export function resolutionsAfterSubmission(s: Submission): CommittingResolution[] {
  return s.committingResolutions.filter((r) => !counts(s, r));
}
