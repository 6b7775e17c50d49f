import { type EventStore, type Projection, readAllPages } from '@app/eventsourcing';
import { foldFresh } from '../time-travel/read-models-as-of';
import { type Difference, firstDifference } from './first-difference';

export interface ProjectionReplay {
  name: string;
  equal: boolean;
  difference?: Difference;
}

export interface ReplayReport {
  ok: boolean;
  position: number;
  events: number;
  seconds: number;
  projections: ProjectionReplay[];
}

/**
 * Rebuilds every projection from position 0 into fresh instances, up to the position the live
 * read models have reached, and compares each with its live state. A difference means a read
 * model depends on something other than the events (time, order of delivery, shared objects).
 */
export async function replayProjections(
  store: EventStore,
  projections: readonly Projection<unknown>[],
  live: { position: number; state(projection: Projection<unknown>): unknown },
): Promise<ReplayReport> {
  const started = Date.now();
  const position = live.position;
  const fold = foldFresh(projections);
  let events = 0;
  for await (const page of readAllPages(store, { until: position })) {
    for (const event of page) fold.apply(event);
    events += page.length;
  }
  const rebuilt = fold.states;
  const results = projections.map((projection): ProjectionReplay => {
    const difference = firstDifference(rebuilt.get(projection.name), live.state(projection));
    return { name: projection.name, equal: !difference, ...(difference ? { difference } : {}) };
  });
  return {
    ok: results.every((r) => r.equal),
    position,
    events,
    seconds: (Date.now() - started) / 1000,
    projections: results,
  };
}
