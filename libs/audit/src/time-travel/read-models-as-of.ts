import {
  type EventStore,
  type Projection,
  projectionRoutes,
  type RecordedEvent,
  readAllPages,
} from '@app/eventsourcing';
import { type AsOf, describeAsOf, includes } from './as-of';
import { serializeState } from './serialize-state';

export interface ReadModelsAsOf {
  asOf: Record<string, unknown>;
  /** Position of the newest event folded in (0: none). */
  position: number;
  events: number;
  readModels: Record<string, unknown>;
}

/**
 * Folds `events` into fresh instances of the projections: the live read models are never
 * touched, so an auditor's question cannot disturb what the application serves.
 */
export function foldFresh(projections: readonly Projection<unknown>[]): {
  states: Map<string, unknown>;
  apply(event: RecordedEvent): void;
} {
  const states = new Map(projections.map((p) => [p.name, p.initialState()]));
  // Names resolved once: the loop below runs for every event of a replay.
  const entries = projections.map((p) => ({ projection: p, state: states.get(p.name) }));
  // Each event goes only to the read models that handle its type.
  const route = projectionRoutes(entries, (e) => e.projection);
  let dirty = false;
  const sync = () => {
    if (dirty) for (const e of entries) states.set(e.projection.name, e.state);
    dirty = false;
  };
  return {
    get states() {
      sync();
      return states;
    },
    apply(event) {
      if (!dirty) for (const e of entries) e.state = states.get(e.projection.name);
      for (const e of route(event.type)) e.state = e.projection.apply(e.state, event);
      dirty = true;
    },
  };
}

/**
 * Every read model of the programme as it was: rebuilt from position 0 with the events the
 * `asOf` admits. Business time is not monotone in position (a decision may be recorded late), so
 * a time bound scans the whole store rather than stopping at the first later event.
 */
export async function readModelsAsOf(
  store: EventStore,
  projections: readonly Projection<unknown>[],
  asOf: AsOf,
): Promise<ReadModelsAsOf> {
  const fold = foldFresh(projections);
  const until = asOf.kind === 'position' ? asOf.position : await store.headPosition();
  let position = 0;
  let events = 0;
  for await (const page of readAllPages(store, { until })) {
    for (const event of page) {
      if (!includes(asOf, event)) continue;
      fold.apply(event);
      position = event.position;
      events++;
    }
  }
  return {
    asOf: describeAsOf(asOf),
    position,
    events,
    readModels: Object.fromEntries([...fold.states].map(([name, state]) => [name, serializeState(state)])),
  };
}
