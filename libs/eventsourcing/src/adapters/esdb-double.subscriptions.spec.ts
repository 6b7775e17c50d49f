import { type Projection, ProjectionRunner, rebuild } from '../projection';
import { DoubleNode } from '../testing/esdb-double';
import { newEvent } from '../testing/new-event';
import { EsdbEventStore } from './esdb-event-store';

const streams: Projection<string[]> = {
  name: 'streams',
  initialState: () => [],
  apply: (state, event) => [...state, event.streamId],
};

/**
 * The read models' subscription over the official client, ended the ways a server ends it
 * (shown with the TEST DOUBLE of EventStoreDB): they subscribe again and miss nothing.
 */
describe('read models on EventStoreDB when the subscription ends (against the test double)', () => {
  let node: DoubleNode;
  let store: EsdbEventStore;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    node = await DoubleNode.start();
    store = new EsdbEventStore(node.url, { readTimeoutMs: 2000 });
    runner = new ProjectionRunner(store, { retryMs: { first: 50, max: 400 } });
    runner.register(streams);
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    await node.stop();
  });

  const append = (stream: string) => store.appendToStream(stream, [newEvent('Counted', {})], 'no_stream');

  it('subscribes again after the server drops the subscription ("consumer too slow") and catches up', async () => {
    await append('count-1');
    await runner.start();
    await waitUntil(() => node.liveSubscriptions === 1, 'the live subscription');

    expect(node.dropSubscriptions()).toBe(1);
    await append('count-2');
    const { position } = await append('count-3');

    expect(await runner.waitFor(position, 10_000)).toBe(true);
    expect(runner.state(streams)).toEqual(['count-1', 'count-2', 'count-3']);
    expect(runner.state(streams)).toEqual(rebuild(streams, await store.readAll()));
    expect(runner.status()).toMatchObject({ state: 'following', restarts: 1 });
    expect(runner.status().lastError?.message).toMatch(/Consumer too slow/);
  });

  it('follows again after a server restart, with what was written while it was away', async () => {
    await append('count-1');
    await runner.start();
    await waitUntil(() => node.liveSubscriptions === 1, 'the live subscription');

    await node.restart(300);
    // Written once the server is back, before the read models have found it again.
    const { position } = await append('count-2');

    expect(await runner.waitFor(position, 15_000)).toBe(true);
    expect(runner.state(streams)).toEqual(['count-1', 'count-2']);
    expect(runner.status().restarts).toBeGreaterThanOrEqual(1);
    expect(runner.status().state).toBe('following');
  });
});

async function waitUntil(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
