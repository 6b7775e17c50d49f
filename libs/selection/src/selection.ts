import { streamName } from '@app/eventsourcing';
import type { AppliedRules } from '@app/programmes-calls/rules';

export type Outcome = 'selected' | 'rejected' | 'waitlisted';
export const OUTCOMES: Outcome[] = ['selected', 'rejected', 'waitlisted'];

/** Present: recorded and committing for every municipality named; promised: to follow after selection. */
export type ResolutionCheck = 'present' | 'promised' | 'missing' | 'not-required';

export interface FormalChecks {
  onTime: boolean;
  eligibleApplicantType: boolean;
  councilResolution: ResolutionCheck;
  coordinatorNamed: boolean;
}

export interface CriterionScore {
  criterionId: string;
  score: number;
  /** The call's weight for the criterion, kept with the score so the weighted score can be retraced. */
  weight: number;
}

/** The promised council resolutions a selection makes due: who must deliver, by when. */
export interface CouncilResolutionDue {
  ags: string[];
  dueDate: string;
}

export type FormalCheckRecorded = {
  type: 'FormalCheckRecorded';
  data: {
    applicationId: string;
    callId: string;
    checks: FormalChecks;
    passed: boolean;
    reasons: string[];
    rules: AppliedRules;
    checkedAt: string;
  };
};

export interface Assessment {
  applicationId: string;
  /** The assessor's subject (who is logged in); the name is for people reading the record. */
  assessor: string;
  assessorName?: string;
  scores: CriterionScore[];
  weightedScore: number;
  comment?: string;
}

export type AssessmentScored = { type: 'AssessmentScored'; data: Assessment };
export type AssessmentRevised = { type: 'AssessmentRevised'; data: Assessment };

interface DecisionBase {
  applicationId: string;
  callId: string;
  programmeId: string;
  /** The lead applicant. */
  ags: string;
  reasons: string[];
  /** The rules the submission was decided under: those in force when it was submitted. */
  rules: AppliedRules;
  decidedAt: string;
}

export type SubmissionSelected = {
  type: 'SubmissionSelected';
  data: DecisionBase & {
    members: string[];
    amountCents: number;
    population: number;
    councilResolutionDue?: CouncilResolutionDue;
    /** Set when the selection goes beyond the call's participant cap or budget, with the office's reason. */
    limitsOverridden?: { limits: ('participant-cap' | 'budget')[]; reason: string };
  };
};
export type SubmissionRejected = { type: 'SubmissionRejected'; data: DecisionBase };
export type SubmissionWaitlisted = { type: 'SubmissionWaitlisted'; data: DecisionBase };

/** A made decision is never edited: a correction is a new fact that names what it corrects. */
export type SelectionDecisionCorrected = {
  type: 'SelectionDecisionCorrected';
  data: {
    applicationId: string;
    callId: string;
    programmeId: string;
    ags: string;
    members: string[];
    outcome: Outcome;
    corrects: Outcome;
    amountCents?: number;
    population?: number;
    councilResolutionDue?: CouncilResolutionDue;
    reasons: string[];
    rules: AppliedRules;
    correctedAt: string;
  };
};

export type SelectionDecisionEvent =
  SubmissionSelected | SubmissionRejected | SubmissionWaitlisted | SelectionDecisionCorrected;

export type SelectionEvent =
  FormalCheckRecorded | AssessmentScored | AssessmentRevised | SelectionDecisionEvent;

export interface SelectionState {
  formalCheck?: { passed: boolean };
  /** The current assessment of each assessor (by subject). */
  assessments: Record<string, { scores: CriterionScore[]; comment?: string; assessorName?: string }>;
  decision?: { outcome: Outcome; amountCents?: number };
}

export const selectionStream = (applicationId: string) => streamName('selection', applicationId);

export function initialSelectionState(): SelectionState {
  return { assessments: {} };
}

export function evolveSelection(state: SelectionState, event: SelectionEvent): SelectionState {
  switch (event.type) {
    case 'FormalCheckRecorded':
      return { ...state, formalCheck: { passed: event.data.passed } };
    case 'AssessmentScored':
    case 'AssessmentRevised': {
      // A revision that names no assessor keeps the name given before (as the read model does).
      const { assessor, scores, comment } = event.data;
      const assessorName = event.data.assessorName ?? state.assessments[assessor]?.assessorName;
      return {
        ...state,
        assessments: { ...state.assessments, [assessor]: { scores, comment, assessorName } },
      };
    }
    case 'SubmissionSelected':
      return { ...state, decision: { outcome: 'selected', amountCents: event.data.amountCents } };
    case 'SubmissionRejected':
      return { ...state, decision: { outcome: 'rejected' } };
    case 'SubmissionWaitlisted':
      return { ...state, decision: { outcome: 'waitlisted' } };
    case 'SelectionDecisionCorrected':
      return { ...state, decision: { outcome: event.data.outcome, amountCents: event.data.amountCents } };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
