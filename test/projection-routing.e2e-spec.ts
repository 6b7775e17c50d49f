import { isDeepStrictEqual } from 'node:util';
import {
  type EventStore,
  type Projection,
  ProjectionRunner,
  projectionRoutes,
  type RecordedEvent,
  rebuild,
} from '@app/eventsourcing';
import { longStream, programmeLifecycle } from '../bench/support/lifecycle-events';
import { EVENT_STORE } from '@app/shared';
import { startTestApi } from './support/test-api';

/** Every event through `apply`, whether the projection names its type or not. */
function foldEvery<S>(projection: Projection<S>, events: RecordedEvent[]): S {
  let state = projection.initialState();
  for (const event of events) state = projection.apply(state, event);
  return state;
}

describe('read models handed only the event types they name', () => {
  it('end as they would seeing every event, over a whole programme lifecycle', async () => {
    const api = await startTestApi();
    for (const { streamId, events } of longStream('application-bench-long.05978000', 40)) {
      await api.store.appendToStream(streamId, events, 'any');
    }
    for (const { streamId, events } of programmeLifecycle(0)) {
      await api.store.appendToStream(streamId, events, 'any');
    }
    const runner = api.app.get(ProjectionRunner);
    await runner.waitFor(await api.store.headPosition(), 0);
    // As every reader gets them: through the upcasters (the bench writes some types in version 1).
    const events = await api.app.get<EventStore>(EVENT_STORE).readAll();
    const types = new Set(events.map((e) => e.type));
    expect(types.size).toBeGreaterThan(25);

    const projections = runner.registered();
    expect(projections.filter((p) => p.eventTypes === undefined).map((p) => p.name)).toEqual([]);
    // A type `apply` handles but `eventTypes` leaves out would make these differ. Compared by
    // hand: a failing toEqual would spend minutes drawing the diff of read models this large.
    const differing = projections.flatMap((projection) => {
      const everything = foldEvery(projection, events);
      return [
        ...(isDeepStrictEqual(rebuild(projection, events), everything)
          ? []
          : [`${projection.name} (rebuild)`]),
        ...(isDeepStrictEqual(runner.state(projection), everything) ? [] : [`${projection.name} (live)`]),
      ];
    });
    expect(differing).toEqual([]);
    await api.close();
  });

  it('routes each type to the projections naming it, and every type to one naming none', () => {
    const named = { name: 'named', eventTypes: ['A'], initialState: () => 0, apply: (n: number) => n + 1 };
    const all = { name: 'all', initialState: () => 0, apply: (n: number) => n + 1 };
    const route = projectionRoutes<Projection<number>>([named, all]);
    expect(route('A').map((p) => p.name)).toEqual(['named', 'all']);
    expect(route('B').map((p) => p.name)).toEqual(['all']);
    expect(route('B')).toBe(route('B'));
  });
});
