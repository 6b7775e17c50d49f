import { canonicalJson, type EventStore, type Projection } from '@app/eventsourcing';
import { type AsOf, describeAsOf, includes } from './as-of';
import { foldFresh } from './read-models-as-of';
import { serializeState } from './serialize-state';

export interface RecordAsOf {
  streamId: string;
  asOf: Record<string, unknown>;
  /** The stream's newest revision the answer includes (-1: none yet). */
  revision: number;
  position: number;
  events: number;
  lastEvent?: { type: string; occurredAt: string; recordedAt: string; actor: unknown };
  /** What each read model shows of this record, from its own events alone; untouched models are left out. */
  readModels: Record<string, unknown>;
}

/**
 * One record's state at a revision or a date, from its own stream: the stream's events are
 * folded through every registered read model in fresh instances, and each model's view of the
 * record is returned. Read models that join other streams show only what this stream says.
 */
export async function recordAsOf(
  store: EventStore,
  projections: readonly Projection<unknown>[],
  streamId: string,
  asOf: AsOf,
): Promise<RecordAsOf | undefined> {
  const stream = await store.readStream(
    streamId,
    asOf.kind === 'revision' ? { toRevision: asOf.revision } : undefined,
  );
  if (stream.length === 0) return undefined;
  const events = stream.filter((e) => includes(asOf, e));
  const fold = foldFresh(projections);
  for (const event of events) fold.apply(event);
  const last = events[events.length - 1];
  return {
    streamId,
    asOf: describeAsOf(asOf),
    revision: last?.revision ?? -1,
    position: last?.position ?? 0,
    events: events.length,
    ...(last
      ? {
          lastEvent: {
            type: last.type,
            occurredAt: last.metadata.occurredAt,
            recordedAt: last.metadata.recordedAt,
            actor: last.metadata.actor,
          },
        }
      : {}),
    readModels: viewsOf(projections, fold.states),
  };
}

/** Each read model's state as JSON, leaving out those the record's events did not touch. */
export function viewsOf(
  projections: readonly Projection<unknown>[],
  states: Map<string, unknown>,
): Record<string, unknown> {
  const views: Record<string, unknown> = {};
  for (const p of projections) {
    const state = serializeState(states.get(p.name));
    if (canonicalJson(state) !== canonicalJson(serializeState(p.initialState()))) views[p.name] = state;
  }
  return views;
}
