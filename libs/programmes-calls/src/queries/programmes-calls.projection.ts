import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type { CallEvent, CallTerms } from '../call';
import type { ProgrammeEvent } from '../programme';
import type { ProgrammeRulesVersion } from '../rules';

export interface ProgrammeView {
  programmeId: string;
  title: string;
  shortTitle?: string;
  description?: string;
  /** Who the programme's messages come from. */
  sender: { name: string; email?: string };
  /** The Land whose public holidays count for the programme's deadlines (`NW`, `BY`, …). */
  holidayRegion: string;
  createdAt: string;
  callIds: string[];
}

export interface CallView extends CallTerms {
  status: 'draft' | 'published' | 'closed';
  draftedAt: string;
  publishedAt?: string;
  closedAt?: string;
  /** Every amendment, oldest first: which terms changed, why, by whom, when. */
  amendments: { changed: string[]; reason: string; amendedBy: string; amendedAt: string }[];
  /** Every extension of the closing, oldest first. */
  closingExtensions: {
    closesAt: string;
    previousClosesAt: string;
    reason: string;
    extendedBy: string;
    extendedAt: string;
  }[];
  revision: number;
}

export interface ProgrammeRulesView extends ProgrammeRulesVersion {
  adoptedAt: string;
}

export interface ProgrammesCallsReadModel {
  programmes: Map<string, ProgrammeView>;
  calls: Map<string, CallView>;
  /** programmeId → its rules versions, in version order. */
  rules: Map<string, ProgrammeRulesView[]>;
}

/** Programmes and their calls, as the grants office and municipalities browse them. */
export const programmesCallsProjection: Projection<ProgrammesCallsReadModel> = {
  name: 'programmes-calls',
  eventTypes: [
    'ProgrammeCreated',
    'CallDrafted',
    'CallPublished',
    'CallAmended',
    'CallClosingExtended',
    'CallClosed',
    'ProgrammeRulesAdopted',
  ],
  initialState: () => ({ programmes: new Map(), calls: new Map(), rules: new Map() }),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as RecordedEvent<ProgrammeEvent | CallEvent>;
    switch (event.type) {
      case 'ProgrammeCreated': {
        // `{ id, ...data, more }`, not `{ ...data, more }`: V8 gives each of the latter a hidden class of
        // its own; the former share one (same field order: the id leads the event's data too).
        const { programmeId, ...programme } = event.data;
        model.programmes.set(programmeId, {
          programmeId,
          ...programme,
          createdAt: event.metadata.occurredAt,
          callIds: [],
        });
        break;
      }
      case 'CallDrafted': {
        const { callId, ...terms } = event.data;
        model.calls.set(callId, {
          callId,
          ...terms,
          status: 'draft',
          draftedAt: event.metadata.occurredAt,
          amendments: [],
          closingExtensions: [],
          revision: event.revision,
        });
        model.programmes.get(event.data.programmeId)?.callIds.push(callId);
        break;
      }
      case 'CallPublished': {
        const call = model.calls.get(event.data.callId);
        if (call)
          Object.assign(call, {
            status: 'published',
            publishedAt: event.data.publishedAt,
            revision: event.revision,
          });
        break;
      }
      case 'CallAmended': {
        const call = model.calls.get(event.data.callId);
        if (!call) break;
        const { changes, reason, amendedBy, amendedAt } = event.data;
        Object.assign(call, changes, { revision: event.revision });
        call.amendments.push({ changed: Object.keys(changes), reason, amendedBy, amendedAt });
        break;
      }
      case 'CallClosingExtended': {
        const call = model.calls.get(event.data.callId);
        if (!call) break;
        const { closing, closesAt, previousClosesAt, reason, extendedBy, extendedAt } = event.data;
        Object.assign(call, { closing, closingDate: closing.date, closesAt, revision: event.revision });
        call.closingExtensions.push({ closesAt, previousClosesAt, reason, extendedBy, extendedAt });
        break;
      }
      case 'CallClosed': {
        const call = model.calls.get(event.data.callId);
        if (call)
          Object.assign(call, { status: 'closed', closedAt: event.data.closedAt, revision: event.revision });
        break;
      }
      case 'ProgrammeRulesAdopted': {
        const versions = model.rules.get(event.data.programmeId) ?? [];
        versions.push({ ...event.data, adoptedAt: event.metadata.occurredAt });
        model.rules.set(event.data.programmeId, versions);
        break;
      }
    }
    return model;
  },
};
