import type { Upcaster } from '@app/eventsourcing';
import type { CallConditions, CallTerms, FundingTier, AssessmentCriterion } from './call';
import type { MunicipalityType } from '@app/shared';
import {
  CROSS_SECTION_BUILT_IN_BEFORE_V2,
  FORM_BUILT_IN_BEFORE_V2,
  HOLIDAY_REGION_BEFORE_V2,
} from './legacy/call-terms-before-v2';

/** Schema version 1 of CallDrafted, as written before calls carried their closing rule, form and limits. */
export interface CallDraftedV1 {
  callId: string;
  programmeId: string;
  title: string;
  description?: string;
  eligibleApplicantTypes: MunicipalityType[];
  kickOffDate?: string;
  closingDate: string;
  closesAt: string;
  fundingTiers: FundingTier[];
  conditions: CallConditions;
  participants?: { min: number; max: number };
  phase?: 1 | 2;
  assessmentCriteria?: AssessmentCriterion[];
}

/**
 * A v1 call closed at 24:00 Berlin of its stated day, never shifted (`fixed`); its kick-off was
 * informational and stays `kickOffDate` (no `opensOn`: nothing was refused before it); its phase
 * number names the phase `phase-<n>`; it was taken with the 2011 form and cross-section, which
 * earlier code built in.
 */
export const callDraftedV1ToV2: Upcaster<CallDraftedV1, CallTerms> = {
  type: 'CallDrafted',
  fromVersion: 1,
  upcast: (data) => ({
    ...data,
    closing: {
      date: data.closingDate,
      rule: 'fixed',
      lastDay: data.closingDate,
      holidayRegion: HOLIDAY_REGION_BEFORE_V2,
    },
    ...(data.phase !== undefined && { phaseId: `phase-${data.phase}` }),
    crossSection: CROSS_SECTION_BUILT_IN_BEFORE_V2,
    form: FORM_BUILT_IN_BEFORE_V2,
  }),
};

export const programmesCallsUpcasters: Upcaster[] = [callDraftedV1ToV2 as Upcaster];
