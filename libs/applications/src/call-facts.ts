import type { CallConditions } from '@app/programmes-calls';
import type { MunicipalityType } from '@app/shared';
import { CallNotOpen } from './errors';

/** What the applications context needs to know of a call, gathered by handlers from its stream. */
export interface CallFacts {
  callId: string;
  programmeId: string;
  status: 'none' | 'draft' | 'published';
  closesAt: string;
  eligibleApplicantTypes: MunicipalityType[];
  conditions: CallConditions;
}

/** Fails closed: a call that is not published, or whose deadline cannot be read, takes nothing. */
export function assertCallOpen(call: CallFacts): void {
  if (call.status !== 'published' || !Number.isFinite(Date.parse(call.closesAt)))
    throw new CallNotOpen({ callId: call.callId });
}
