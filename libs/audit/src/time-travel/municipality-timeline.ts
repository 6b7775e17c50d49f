import { type Actor, type EventStore, type RecordedEvent, readAllPages } from '@app/eventsourcing';
import { municipalityScope } from '../scope/record-scope';
import { inRange, type TimeRange, timeOf } from './as-of';

export interface TimelineEntry {
  occurredAt: string;
  recordedAt: string;
  streamId: string;
  revision: number;
  position: number;
  type: string;
  actor: Actor;
  data: unknown;
}

export interface MunicipalityTimeline {
  ags: string;
  time: TimeRange['axis'];
  streams: string[];
  entries: TimelineEntry[];
}

/**
 * Everything that happened to or by one municipality, across all contexts, in the order of the
 * chosen clock: the streams it acted in or that name it, each in full.
 */
export async function municipalityTimeline(
  store: EventStore,
  ags: string,
  range: TimeRange,
): Promise<MunicipalityTimeline> {
  const scope = municipalityScope(ags);
  const streams = new Set<string>();
  const until = await store.headPosition();
  for await (const page of readAllPages(store, { until })) {
    for (const event of page) if (scope.admit(event)) streams.add(event.streamId);
  }
  const events: RecordedEvent[] = [];
  for (const streamId of streams) {
    for (const event of await store.readStream(streamId)) {
      if (event.position <= until && inRange(range, event)) events.push(event);
    }
  }
  events.sort((a, b) => timeOf(a, range.axis) - timeOf(b, range.axis) || a.position - b.position);
  return {
    ags,
    time: range.axis,
    streams: [...streams].sort(),
    entries: events.map((e) => ({
      occurredAt: e.metadata.occurredAt,
      recordedAt: e.metadata.recordedAt,
      streamId: e.streamId,
      revision: e.revision,
      position: e.position,
      type: e.type,
      actor: e.metadata.actor,
      data: e.data,
    })),
  };
}
