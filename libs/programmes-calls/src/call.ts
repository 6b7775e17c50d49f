import { streamName } from '@app/eventsourcing';
import type { MunicipalityType } from '@app/shared';
import { InvalidFundingTiers } from './errors';

/** Amount per participant by population; bounds inclusive, `maxPopulation` open-ended when absent. */
export interface FundingTier {
  minPopulation: number;
  maxPopulation?: number;
  amountEur: number;
}

/** Whether the council resolution must exist at submission, may follow after selection, or is not needed. */
export type CouncilResolutionRule = 'required-at-submission' | 'may-follow-after-selection' | 'not-required';

export interface CallConditions {
  councilResolution: CouncilResolutionRule;
  coordinatorRequired: boolean;
}

/** A criterion the concept is assessed against; scores are weighted by `weight`. */
export interface AssessmentCriterion {
  criterionId: string;
  title: string;
  weight: number;
}

/**
 * How the closing day is read. `fixed`: the call names the day with reference to § 31 (3) sentence 2
 * VwVfG NRW, it ends at 24:00 Berlin of that day whatever the weekday. `statutory-shift`: § 31 (3)
 * VwVfG NRW, a last day on a Saturday, Sunday or public holiday (of the programme's holiday region)
 * moves to the next working day.
 */
export type ClosingRule = 'fixed' | 'statutory-shift';
export const CLOSING_RULES: ClosingRule[] = ['fixed', 'statutory-shift'];

export interface CallClosing {
  /** The last day as the call states it. */
  date: string;
  rule: ClosingRule;
  /** The day the call really ends: `date`, or the next working day under the statutory shift. */
  lastDay: string;
  /** The German Land (date-holidays code) whose holidays the shift counted. */
  holidayRegion: string;
}

/** A dimension the selection's cross-section is broken down by. */
export type CrossSectionDimension =
  'municipality-type' | 'regierungsbezirk' | 'population-band' | 'own-youth-office';
export const CROSS_SECTION_DIMENSIONS: CrossSectionDimension[] = [
  'municipality-type',
  'regierungsbezirk',
  'population-band',
  'own-youth-office',
];

export interface PopulationBand {
  bandId: string;
  /** Inclusive bounds; `maxPopulation` open-ended when absent. */
  minPopulation: number;
  maxPopulation?: number;
}

export interface CrossSection {
  dimensions: CrossSectionDimension[];
  /** For `population-band`: the bands, ascending. */
  populationBands?: PopulationBand[];
}

export type FormFieldType = 'text' | 'long-text' | 'number' | 'money' | 'date' | 'choice' | 'yes-no';
export const FORM_FIELD_TYPES: FormFieldType[] = [
  'text',
  'long-text',
  'number',
  'money',
  'date',
  'choice',
  'yes-no',
];

/** One field of the expression-of-interest form. */
export interface FormField {
  fieldId: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  maxLength?: number;
  /** For `choice`: the values allowed. */
  options?: string[];
  help?: string;
}

/** The expression-of-interest form of a call: the content a submission states, checked field by field. */
export interface CallForm {
  fields: FormField[];
}

/** The call's terms: schema version 2 of `CallDrafted` (v1 is upcast, see `upcasters.ts`). */
export interface CallTerms {
  callId: string;
  programmeId: string;
  title: string;
  description?: string;
  eligibleApplicantTypes: MunicipalityType[];
  /** Informational in v1 calls (nothing was refused before it); new calls state `opensOn`. */
  kickOffDate?: string;
  /** Nothing is accepted before 00:00 Europe/Berlin of this day. */
  opensOn?: string;
  closing: CallClosing;
  /** The last day for submissions, as the call states it (= `closing.date`). */
  closingDate: string;
  /** The instant the call closes: 24:00 Europe/Berlin at the end of `closing.lastDay`. */
  closesAt: string;
  fundingTiers: FundingTier[];
  conditions: CallConditions;
  participants?: { min: number; max: number };
  /** The call's budget in cents; selection stays within it. */
  budgetCents?: number;
  /** The programme's phase the call is for. */
  phaseId?: string;
  /** Calls of the first programme named their Förderphase by number; kept for the grants context's ids. */
  phase?: 1 | 2;
  assessmentCriteria?: AssessmentCriterion[];
  crossSection?: CrossSection;
  form?: CallForm;
}

/** The terms an amendment may change: everything but the ids and the closing (see `CallClosingExtended`). */
export type AmendableTerms = Partial<
  Pick<
    CallTerms,
    | 'title'
    | 'description'
    | 'eligibleApplicantTypes'
    | 'opensOn'
    | 'fundingTiers'
    | 'conditions'
    | 'participants'
    | 'budgetCents'
    | 'assessmentCriteria'
    | 'crossSection'
    | 'form'
  >
>;
export const AMENDABLE_TERMS: (keyof AmendableTerms)[] = [
  'title',
  'description',
  'eligibleApplicantTypes',
  'opensOn',
  'fundingTiers',
  'conditions',
  'participants',
  'budgetCents',
  'assessmentCriteria',
  'crossSection',
  'form',
];

export type CallDrafted = { type: 'CallDrafted'; data: CallTerms };
export type CallPublished = { type: 'CallPublished'; data: { callId: string; publishedAt: string } };

/** The grants office changes a call's terms, with its reason; every municipality that drafted is told. */
export type CallAmended = {
  type: 'CallAmended';
  data: { callId: string; changes: AmendableTerms; reason: string; amendedBy: string; amendedAt: string };
};

/** The grants office gives a published call a later closing, with its reason; the call-closes deadline follows. */
export type CallClosingExtended = {
  type: 'CallClosingExtended';
  data: {
    callId: string;
    closing: CallClosing;
    closesAt: string;
    previousClosesAt: string;
    reason: string;
    extendedBy: string;
    extendedAt: string;
  };
};

/** Appended by the deadline manager when the closing deadline fires; late submissions were refused by time already. */
export type CallClosed = { type: 'CallClosed'; data: { callId: string; closedAt: string } };

export type CallEvent = CallDrafted | CallPublished | CallAmended | CallClosingExtended | CallClosed;

export type CallState =
  | { status: 'none' }
  | { status: 'draft'; terms: CallTerms }
  | { status: 'published'; terms: CallTerms; publishedAt: string }
  | { status: 'closed'; terms: CallTerms; publishedAt: string; closedAt: string };

export const callStream = (callId: string) => streamName('call', callId);

export function initialCallState(): CallState {
  return { status: 'none' };
}

export function evolveCall(state: CallState, event: CallEvent): CallState {
  switch (event.type) {
    case 'CallDrafted':
      return { status: 'draft', terms: event.data };
    case 'CallPublished':
      return state.status === 'draft'
        ? { status: 'published', terms: state.terms, publishedAt: event.data.publishedAt }
        : state;
    case 'CallAmended':
      return state.status === 'none' ? state : { ...state, terms: { ...state.terms, ...event.data.changes } };
    case 'CallClosingExtended':
      return state.status === 'none'
        ? state
        : {
            ...state,
            terms: {
              ...state.terms,
              closing: event.data.closing,
              closingDate: event.data.closing.date,
              closesAt: event.data.closesAt,
            },
          };
    case 'CallClosed':
      return state.status === 'published'
        ? { ...state, status: 'closed', closedAt: event.data.closedAt }
        : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** Tiers must be ordered and must not overlap, so that every population has at most one amount. */
export function checkFundingTiers(tiers: FundingTier[]): void {
  tiers.forEach((tier, i) => {
    if (tier.maxPopulation !== undefined && tier.maxPopulation < tier.minPopulation) {
      throw new InvalidFundingTiers({
        de: `Stufe ${i + 1} endet (${tier.maxPopulation} Einwohner) vor ihrem Beginn (${tier.minPopulation}).`,
        en: `tier ${i + 1} ends (${tier.maxPopulation}) before it starts (${tier.minPopulation}).`,
      });
    }
    const next = tiers[i + 1];
    if (!next) return;
    if (tier.maxPopulation === undefined || next.minPopulation <= tier.maxPopulation) {
      throw new InvalidFundingTiers({
        de: `Stufe ${i + 2} überschneidet sich mit Stufe ${i + 1}; die Stufen bitte nach aufsteigender Einwohnerzahl angeben.`,
        en: `tier ${i + 2} overlaps tier ${i + 1}; list tiers by ascending population.`,
      });
    }
  });
}
