import { streamName } from '@app/eventsourcing';
import type { MunicipalityType } from '@app/shared';

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
}

export type CallDrafted = { type: 'CallDrafted'; data: CallTerms };
export type CallPublished = { type: 'CallPublished'; data: { callId: string; publishedAt: string } };

export type CallEvent = CallDrafted | CallPublished;

export type CallState =
  | { status: 'none' }
  | { status: 'draft'; terms: CallTerms }
  | { status: 'published'; terms: CallTerms; publishedAt: string };

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
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** The amount a municipality of this population receives under the call's tiers, if any tier fits. */
export function amountForPopulation(tiers: FundingTier[], population: number): number | undefined {
  return tiers.find(
    (t) => population >= t.minPopulation && (t.maxPopulation === undefined || population <= t.maxPopulation),
  )?.amountEur;
}
