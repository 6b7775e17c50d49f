import type { CallConditions } from '@app/programmes-calls';
import type { CallForm } from '@app/programmes-calls';
import { type MunicipalityType, startOfDayInZone } from '@app/shared';
import { CallNotOpen, CallNotOpenYet } from './errors';

/** What the applications context needs to know of a call, gathered by handlers from its stream. */
export interface CallFacts {
  callId: string;
  programmeId: string;
  status: 'none' | 'draft' | 'published';
  closesAt: string;
  /** The day before which nothing is accepted (00:00 Europe/Berlin), if the call states one. */
  opensOn?: string;
  /** The expression-of-interest form the content is checked against, if the call has one. */
  form?: CallForm;
  eligibleApplicantTypes: MunicipalityType[];
  conditions: CallConditions;
}

/** Fails closed: a call that is not published, or whose deadline cannot be read, takes nothing. */
export function assertCallOpen(call: CallFacts): void {
  if (call.status !== 'published' || !Number.isFinite(Date.parse(call.closesAt)))
    throw new CallNotOpen({ callId: call.callId });
}

/** Nothing is accepted before 00:00 Europe/Berlin of the call's opening day. */
export function assertCallOpened(call: CallFacts, now: string): void {
  if (call.opensOn && Date.parse(now) < startOfDayInZone(call.opensOn).getTime())
    throw new CallNotOpenYet({ callId: call.callId, opensOn: call.opensOn });
}
