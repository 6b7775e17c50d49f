import { streamName } from '@app/eventsourcing';
import type { AppliedRules } from '@app/programmes-calls';
import type { Municipality } from '@app/shared';

export interface FinancialPlan {
  /** The municipality's own contribution over the whole phase, e.g. as staff costs. */
  ownContributionEur: number;
  ownContributionKind: 'staff-costs' | 'material-costs' | 'mixed';
  notes?: string;
}

export interface Coordinator {
  name: string;
  unit?: string;
  email?: string;
  phone?: string;
}

/** What the council has done so far: adopted a resolution, or promised one (e.g. after selection). */
export interface CouncilResolutionStatement {
  status: 'adopted' | 'promised';
  date?: string;
  reference?: string;
}

/** The Interessensbekundung: motto, activities, goals, measures and criteria, difficulties, plan, steps. */
export interface ExpressionOfInterestContent {
  motto?: string;
  existingActivities?: string;
  goals?: string;
  measures?: string;
  successCriteria?: string;
  difficulties?: string;
  financialPlan?: FinancialPlan;
  nextSteps?: string;
  coordinator?: Coordinator;
  councilResolution?: CouncilResolutionStatement;
}

/** The fields a submission must have filled in. */
export const REQUIRED_FOR_SUBMISSION: (keyof ExpressionOfInterestContent)[] = [
  'motto',
  'existingActivities',
  'goals',
  'measures',
  'successCriteria',
  'financialPlan',
  'nextSteps',
];

export type Applicant = Pick<Municipality, 'ags' | 'name' | 'type' | 'population' | 'regierungsbezirk'>;

export type ExpressionOfInterestDrafted = {
  type: 'ExpressionOfInterestDrafted';
  data: {
    applicationId: string;
    callId: string;
    programmeId: string;
    /** The lead applicant; for a joint application (Verbundbewerbung) the members follow. */
    applicant: Applicant;
    members: Applicant[];
    content: ExpressionOfInterestContent;
  };
};

export type ExpressionOfInterestRevised = {
  type: 'ExpressionOfInterestRevised';
  data: { applicationId: string; members: Applicant[]; content: ExpressionOfInterestContent };
};

export type ExpressionOfInterestSubmitted = {
  type: 'ExpressionOfInterestSubmitted';
  /** `rules`: the programme rules version it was decided under (schema v2; absent in v1 events). */
  data: { applicationId: string; callId: string; submittedAt: string; rules?: AppliedRules };
};

export type ExpressionOfInterestEvent =
  ExpressionOfInterestDrafted | ExpressionOfInterestRevised | ExpressionOfInterestSubmitted;

export type ExpressionOfInterestState =
  | { status: 'none' }
  | {
      status: 'draft' | 'submitted';
      applicationId: string;
      callId: string;
      applicant: Applicant;
      members: Applicant[];
      content: ExpressionOfInterestContent;
      submittedAt?: string;
    };

/** One expression of interest per lead municipality and call: the id says which. */
export const applicationIdFor = (callId: string, leadAgs: string) => `${callId}.${leadAgs}`;
export const applicationStream = (applicationId: string) => streamName('application', applicationId);

export function initialExpressionOfInterestState(): ExpressionOfInterestState {
  return { status: 'none' };
}

export function evolveExpressionOfInterest(
  state: ExpressionOfInterestState,
  event: ExpressionOfInterestEvent,
): ExpressionOfInterestState {
  switch (event.type) {
    case 'ExpressionOfInterestDrafted':
      return { status: 'draft', ...event.data };
    case 'ExpressionOfInterestRevised':
      return state.status === 'none'
        ? state
        : { ...state, members: event.data.members, content: event.data.content };
    case 'ExpressionOfInterestSubmitted':
      return state.status === 'none'
        ? state
        : { ...state, status: 'submitted', submittedAt: event.data.submittedAt };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** A municipality may see an expression of interest it leads or is a member of. */
export function involves(state: { applicant: Applicant; members: Applicant[] }, ags: string): boolean {
  return state.applicant.ags === ags || state.members.some((m) => m.ags === ags);
}
