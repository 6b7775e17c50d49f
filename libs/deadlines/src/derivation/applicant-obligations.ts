import type { RecordedEvent } from '@app/eventsourcing';
import type { DerivationState, WantedObligation } from './deadline-derivation';
import { deadlineIdFor } from './deadline-id';
import type { ExpressionOfInterestDrafted } from './source-events';

/**
 * A call's closing obliges the lead applicant of each expression of interest from its draft on:
 * the lead submits, the members take part through it and are not reminded themselves.
 */
export function obligeLeadApplicant(
  state: DerivationState,
  data: ExpressionOfInterestDrafted['data'],
  recorded: RecordedEvent,
): string[] {
  const { applicationId, callId, applicant } = data;
  if (!applicant?.ags || state.applications.has(applicationId)) return [];
  const deadlineId = deadlineIdFor('call-closes', callId);
  state.applications.set(applicationId, { deadlineId, ags: applicant.ags });
  const obliged = state.obligations.get(deadlineId) ?? new Map<string, WantedObligation>();
  if (!obliged.has(applicant.ags))
    obliged.set(applicant.ags, {
      ags: applicant.ags,
      applicationId,
      cause: recorded.metadata.eventId,
      addedAt: recorded.metadata.occurredAt,
    });
  state.obligations.set(deadlineId, obliged);
  return [deadlineId];
}

/** Submitted: the lead's part is done, it is reminded no more. */
export function releaseLeadApplicant(
  state: DerivationState,
  applicationId: string,
  recorded: RecordedEvent,
): string[] {
  const application = state.applications.get(applicationId);
  const obligation = application && state.obligations.get(application.deadlineId)?.get(application.ags);
  if (!application || !obligation || obligation.met) return [];
  obligation.met = { metAt: recorded.metadata.occurredAt, by: recorded.metadata.eventId };
  return [application.deadlineId];
}
