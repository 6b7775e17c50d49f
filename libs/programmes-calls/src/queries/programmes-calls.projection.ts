import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type { CallEvent, CallTerms } from '../call';
import type { ProgrammeEvent } from '../programme';

export interface ProgrammeView {
  programmeId: string;
  title: string;
  description?: string;
  createdAt: string;
  callIds: string[];
}

export interface CallView extends CallTerms {
  status: 'draft' | 'published';
  draftedAt: string;
  publishedAt?: string;
  revision: number;
}

export interface ProgrammesCallsReadModel {
  programmes: Map<string, ProgrammeView>;
  calls: Map<string, CallView>;
}

/** Programmes and their calls, as the grants office and municipalities browse them. */
export const programmesCallsProjection: Projection<ProgrammesCallsReadModel> = {
  name: 'programmes-calls',
  initialState: () => ({ programmes: new Map(), calls: new Map() }),
  apply(model, recorded: RecordedEvent) {
    const event = recorded as RecordedEvent<ProgrammeEvent | CallEvent>;
    switch (event.type) {
      case 'ProgrammeCreated':
        model.programmes.set(event.data.programmeId, {
          ...event.data,
          createdAt: event.metadata.occurredAt,
          callIds: [],
        });
        break;
      case 'CallDrafted':
        model.calls.set(event.data.callId, {
          ...event.data,
          status: 'draft',
          draftedAt: event.metadata.occurredAt,
          revision: event.revision,
        });
        model.programmes.get(event.data.programmeId)?.callIds.push(event.data.callId);
        break;
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
    }
    return model;
  },
};
