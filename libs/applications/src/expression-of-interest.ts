import { streamName } from '@app/eventsourcing';
import { type AppliedRules, CALL_TERMS_ONLY } from '@app/programmes-calls/rules';
import type { Municipality } from '@app/shared';
import {
  boundByLead,
  evolveInvitations,
  type Invitation,
  type JointApplicationEvent,
  members,
} from './joint-application';

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
  /**
   * The answers to the call's own form, by field id (added to the content later: a stored
   * content without it simply has none). Checked against the form the call states.
   */
  answers?: Record<string, FormAnswer>;
}

/** An answer to one field of a call's form: text or date (string), number, or yes/no. */
export type FormAnswer = string | number | boolean;

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

/**
 * Schema version 2: the draft names no members. The municipalities the lead names are invited
 * (`JointApplicationMemberInvited`, following in the same append) and become members only by
 * their own confirmation. `membersBoundByLead` is only ever set by the upcaster, on a version-1
 * draft: the members it named were bound at once, without their consent (history before
 * invitations), and are read as confirmed members.
 */
export type ExpressionOfInterestDrafted = {
  type: 'ExpressionOfInterestDrafted';
  data: {
    applicationId: string;
    callId: string;
    programmeId: string;
    /** The lead applicant (federführende Kommune). */
    applicant: Applicant;
    content: ExpressionOfInterestContent;
    membersBoundByLead?: Applicant[];
  };
};

/**
 * Schema version 2: the whole content is replaced; invitations and withdrawals follow as their
 * own events. `membersBoundByLead` (upcast from a version-1 revision only) replaced the members.
 */
export type ExpressionOfInterestRevised = {
  type: 'ExpressionOfInterestRevised';
  data: { applicationId: string; content: ExpressionOfInterestContent; membersBoundByLead?: Applicant[] };
};

export type ExpressionOfInterestSubmitted = {
  type: 'ExpressionOfInterestSubmitted';
  /** `rules`: the programme rules version it was decided under (schema v2; absent in v1 events). */
  data: { applicationId: string; callId: string; submittedAt: string; rules?: AppliedRules };
};

/**
 * The grants office corrects the terms a submission was decided under (a version adopted late, or
 * the wrong one applied): the submission keeps its recorded version, this event names the one
 * that applies from now on and why. Later decisions on the submission (formal check, selection,
 * a correction of the selection decision, the notice) use the corrected version; decisions
 * already taken stay as recorded until they are corrected themselves.
 */
export type SubmissionTermsCorrected = {
  type: 'SubmissionTermsCorrected';
  data: {
    applicationId: string;
    callId: string;
    /** The version applied until now. */
    from: AppliedRules;
    /** The version that applies from now on. */
    to: AppliedRules;
    reason: string;
    correctedAt: string;
  };
};

export type ExpressionOfInterestEvent =
  | ExpressionOfInterestDrafted
  | ExpressionOfInterestRevised
  | ExpressionOfInterestSubmitted
  | SubmissionTermsCorrected
  | JointApplicationEvent;

export type ExpressionOfInterestState =
  | { status: 'none' }
  | {
      status: 'draft' | 'submitted';
      applicationId: string;
      callId: string;
      applicant: Applicant;
      /** Confirmed members only, in the order they were invited: the ones bound to the application. */
      members: Applicant[];
      /** Every municipality ever invited, with what its invitation became. */
      invitations: Invitation[];
      content: ExpressionOfInterestContent;
      submittedAt?: string;
      /** Submitted: the terms it is decided under (as recorded, or as last corrected). */
      rules?: AppliedRules;
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
    case 'ExpressionOfInterestDrafted': {
      const { applicationId, callId, applicant, content, membersBoundByLead } = event.data;
      const invitations = boundByLead(membersBoundByLead ?? []);
      return {
        status: 'draft',
        applicationId,
        callId,
        applicant,
        content,
        invitations,
        members: members(invitations),
      };
    }
    case 'ExpressionOfInterestRevised': {
      if (state.status === 'none') return state;
      const { content, membersBoundByLead } = event.data;
      if (membersBoundByLead === undefined) return { ...state, content };
      // A version-1 revision replaced the members outright (history before invitations had none).
      const invitations = boundByLead(membersBoundByLead);
      return { ...state, content, invitations, members: members(invitations) };
    }
    case 'ExpressionOfInterestSubmitted':
      return state.status === 'none'
        ? state
        : {
            ...state,
            status: 'submitted',
            submittedAt: event.data.submittedAt,
            rules: event.data.rules ?? CALL_TERMS_ONLY,
          };
    case 'SubmissionTermsCorrected':
      return state.status === 'none' ? state : { ...state, rules: { ...event.data.to } };
    default: {
      if (state.status === 'none') return state;
      const invitations = evolveInvitations(state.invitations, event);
      return { ...state, invitations, members: members(invitations) };
    }
  }
}

/**
 * Bound to an expression of interest: its lead or a confirmed member (each records its own
 * council's resolution on it).
 */
export function involves(state: { applicant: Applicant; members: Applicant[] }, ags: string): boolean {
  return state.applicant.ags === ags || state.members.some((m) => m.ags === ags);
}

/**
 * Who may read an expression of interest besides the grants office and auditors: its lead, its
 * confirmed members, and a municipality with an open invitation (it decides on what it reads).
 */
export function mayRead(
  state: {
    applicant: Applicant;
    members: Applicant[];
    invitations: Pick<Invitation, 'municipality' | 'status'>[];
  },
  ags: string,
): boolean {
  return (
    involves(state, ags) ||
    state.invitations.some((i) => i.municipality.ags === ags && i.status === 'invited')
  );
}
