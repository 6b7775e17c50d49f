import type { CallConditions } from '@app/programmes-calls';
import type { MunicipalityType } from '@app/shared';

/** What the applications context needs to know of a call, gathered by handlers from its stream. */
export interface CallFacts {
  callId: string;
  programmeId: string;
  status: 'none' | 'draft' | 'published';
  closesAt: string;
  eligibleApplicantTypes: MunicipalityType[];
  conditions: CallConditions;
}
