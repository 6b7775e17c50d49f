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

export interface CallTerms {
  callId: string;
  programmeId: string;
  title: string;
  description?: string;
  eligibleApplicantTypes: MunicipalityType[];
  kickOffDate?: string;
  /** The last day for submissions, as the call states it. */
  closingDate: string;
  /** The instant the call closes: 24:00 Europe/Berlin on the closing date. */
  closesAt: string;
  fundingTiers: FundingTier[];
  conditions: CallConditions;
  participants?: { min: number; max: number };
  /** Förderphase I (from 2011) or II (from 2016/2017). */
  phase?: 1 | 2;
  assessmentCriteria?: AssessmentCriterion[];
}

export type CallDrafted = { type: 'CallDrafted'; data: CallTerms };
export type CallPublished = { type: 'CallPublished'; data: { callId: string; publishedAt: string } };

/** Appended by the deadline manager when the closing deadline fires; late submissions were refused by time already. */
export type CallClosed = { type: 'CallClosed'; data: { callId: string; closedAt: string } };

export type CallEvent = CallDrafted | CallPublished | CallClosed;

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
      throw new InvalidFundingTiers(
        `tier ${i + 1} ends (${tier.maxPopulation}) before it starts (${tier.minPopulation}).`,
      );
    }
    const next = tiers[i + 1];
    if (!next) return;
    if (tier.maxPopulation === undefined || next.minPopulation <= tier.maxPopulation) {
      throw new InvalidFundingTiers(
        `tier ${i + 2} overlaps tier ${i + 1}; list tiers by ascending population.`,
      );
    }
  });
}
