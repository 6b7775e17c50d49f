import type { CallFacts } from './call-facts';
import type {
  Applicant,
  ExpressionOfInterestContent,
  ExpressionOfInterestEvent,
} from './expression-of-interest';

export const kreisUnna: Applicant = {
  ags: '05978000',
  name: 'Kreis Unna',
  type: 'kreis',
  population: 395000,
  regierungsbezirk: 'Arnsberg',
};
export const kamen: Applicant = {
  ags: '05978020',
  name: 'Kamen',
  type: 'kreisangehoerige-stadt',
  population: 43000,
  regierungsbezirk: 'Arnsberg',
};
export const luenen: Applicant = {
  ags: '05978024',
  name: 'Lünen',
  type: 'kreisangehoerige-stadt',
  population: 86000,
  regierungsbezirk: 'Arnsberg',
};
export const oberhausen: Applicant = {
  ags: '05119000',
  name: 'Oberhausen',
  type: 'kreisfreie-stadt',
  population: 210000,
  regierungsbezirk: 'Düsseldorf',
};

export function call2011(overrides: Partial<CallFacts> = {}): CallFacts {
  return {
    callId: 'kkz-2011',
    programmeId: 'kkz',
    status: 'published',
    closesAt: '2011-12-15T23:00:00.000Z',
    eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'],
    conditions: { councilResolution: 'may-follow-after-selection', coordinatorRequired: true },
    ...overrides,
  };
}

/** "Brücken für Familien" (seed 004): complete, resolution promised after selection. */
export function bruecken(overrides: Partial<ExpressionOfInterestContent> = {}): ExpressionOfInterestContent {
  return {
    motto: 'Brücken für Familien',
    existingActivities: 'Netzwerke in Jugendhilfe, Gesundheit und Bildung',
    goals: 'Benachteiligungen von Familien in prekären Soziallagen abbauen',
    measures: 'Bündelung der Netzwerke, Verantwortungsgemeinschaft der beteiligten Kommunen',
    successCriteria: 'Erreichbarkeit der Angebote, Übergänge Kita – Schule – Beruf',
    difficulties: 'Abstimmung zwischen fünf Verwaltungen',
    financialPlan: { ownContributionEur: 40000, ownContributionKind: 'staff-costs' },
    nextSteps: 'Kreistagsbeschluss nach erfolgreicher Bewerbung',
    coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
    councilResolution: { status: 'promised' },
    ...overrides,
  };
}

export const APPLICATION_ID = 'kkz-2011.05978000';
const about = { applicationId: APPLICATION_ID, callId: 'kkz-2011' };

/** The Kreis Unna draft as today's code writes it (schema version 2): no members in it. */
export function drafted(content = bruecken()): ExpressionOfInterestEvent {
  return {
    type: 'ExpressionOfInterestDrafted',
    data: { ...about, programmeId: 'kkz', applicant: kreisUnna, content },
  };
}

export const invited = (member: Applicant): ExpressionOfInterestEvent => ({
  type: 'JointApplicationMemberInvited',
  data: { ...about, member },
});
export const confirmed = (m: Applicant): ExpressionOfInterestEvent => ({
  type: 'JointApplicationMembershipConfirmed',
  data: { ...about, ags: m.ags },
});
export const declined = (m: Applicant): ExpressionOfInterestEvent => ({
  type: 'JointApplicationInvitationDeclined',
  data: { ...about, ags: m.ags },
});
export const left = (m: Applicant): ExpressionOfInterestEvent => ({
  type: 'JointApplicationMemberLeft',
  data: { ...about, ags: m.ags },
});
export const withdrawn = (m: Applicant, wasMember: boolean): ExpressionOfInterestEvent => ({
  type: 'JointApplicationInvitationWithdrawn',
  data: { ...about, ags: m.ags, wasMember },
});
export const lapsed = (m: Applicant): ExpressionOfInterestEvent => ({
  type: 'JointApplicationInvitationLapsed',
  data: { ...about, ags: m.ags },
});
export const submitted = (submittedAt = '2011-12-10T10:00:00.000Z'): ExpressionOfInterestEvent => ({
  type: 'ExpressionOfInterestSubmitted',
  data: { ...about, submittedAt, rules: { version: 0, effectiveFrom: null } },
});

/** Kreis Unna's draft with Kamen and Lünen invited: the start of a Verbundbewerbung today. */
export const draftedInviting = (...members: Applicant[]) => [drafted(), ...members.map(invited)];
