import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './adapters/sqlite-event-store';
import type { EventHandler, EventStore, SubscribeOptions, Subscription } from './event-store';
import { type Projection, ProjectionRunner, rebuild } from './projection';
import { newEvent } from './testing/new-event';

/** Ends its subscriptions as a dropped connection does; every other call goes to the real store. */
class DroppingStore {
  subscriptions = 0;
  /** The next event delivered ends its subscription instead (a connection lost mid-stream). */
  dropNext = false;
  /** While down, a new subscription fails at once (the server is away). */
  down = false;

  constructor(readonly inner: EventStore) {}

  asStore(): EventStore {
    return new Proxy(this.inner, {
      get: (target, property, receiver) =>
        property === 'subscribeToAll'
          ? (options: SubscribeOptions, handler: EventHandler) => this.subscribe(options, handler)
          : (Reflect.get(target, property, receiver) as unknown),
    });
  }

  private subscribe(options: SubscribeOptions, handler: EventHandler): Subscription {
    this.subscriptions++;
    if (this.down) {
      const done = Promise.reject(new Error('the store is unreachable'));
      done.catch(() => undefined);
      return { done, stop: async () => undefined };
    }
    return this.inner.subscribeToAll(options, async (event) => {
      if (this.dropNext) {
        this.dropNext = false;
        throw new Error('the connection to the store was lost');
      }
      await handler(event);
    });
  }
}

const counter: Projection<{ count: number; names: string[] }> = {
  name: 'counter',
  initialState: () => ({ count: 0, names: [] }),
  apply: (state, event) => ({ count: state.count + 1, names: [...state.names, event.streamId] }),
};

async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ProjectionRunner after its subscription to the store ends', () => {
  const dir = mkdtempSync(join(tmpdir(), 'projection-runner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  let store: SqliteEventStore;
  let flaky: DroppingStore;
  let runner: ProjectionRunner | undefined;

  beforeEach(() => {
    store = new SqliteEventStore(join(dir, `events-${n++}.sqlite`), { pollIntervalMs: 20 });
    flaky = new DroppingStore(store);
  });
  afterEach(async () => {
    await runner?.stop();
    await store.close();
  });

  const append = (stream: string) => store.appendToStream(stream, [newEvent('Counted', {})], 'no_stream');

  it('subscribes again from the last position applied and catches up, each event once', async () => {
    runner = new ProjectionRunner(flaky.asStore(), { retryMs: { first: 20, max: 200 } });
    runner.register(counter);
    await append('count-1');
    await runner.start();
    expect(runner.status()).toMatchObject({ state: 'following', restarts: 0 });

    flaky.dropNext = true;
    await append('count-2');
    await eventually(() => runner?.status().restarts === 1, 'the subscription was started again');
    await append('count-3');
    const { position } = await append('count-4');
    expect(await runner.waitFor(position, 10_000)).toBe(true);

    expect(runner.state(counter)).toEqual(rebuild(counter, await store.readAll()));
    expect(runner.state(counter).names).toEqual(['count-1', 'count-2', 'count-3', 'count-4']);
    expect(runner.status()).toMatchObject({ state: 'following', restarts: 1 });
    expect(runner.status().lastError?.message).toBe('the connection to the store was lost');
    expect(runner.failed).toBeUndefined();
  });

  it('says it is reconnecting while the store stays away, and follows again once it is back', async () => {
    runner = new ProjectionRunner(flaky.asStore(), { retryMs: { first: 20, max: 100 } });
    runner.register(counter);
    await runner.start();

    flaky.down = true;
    flaky.dropNext = true;
    await append('count-1');
    await eventually(() => runner?.status().restarts === 3, 'three attempts failed');
    expect(runner.status().state).toBe('reconnecting');
    expect(runner.failed).toBeUndefined();
    // A command's wait goes on through the outage instead of failing.
    const waiting = runner.waitFor((await append('count-2')).position, 10_000);

    flaky.down = false;
    expect(await waiting).toBe(true);
    expect(runner.status().state).toBe('following');
    expect(runner.state(counter).names).toEqual(['count-1', 'count-2']);
  });

  it('catches up at start through a subscription that drops on the way', async () => {
    for (let i = 0; i < 5; i++) await append(`count-${i}`);
    runner = new ProjectionRunner(flaky.asStore(), { retryMs: { first: 20, max: 100 } });
    runner.register(counter);
    flaky.dropNext = true;

    await runner.start();

    expect(runner.state(counter).count).toBe(5);
    expect(runner.status().restarts).toBe(1);
  });

  it("stops for good when a read model's own apply fails: following on would only repeat it", async () => {
    const broken: Projection<number> = {
      name: 'broken',
      initialState: () => 0,
      apply: (state, event) => {
        if (event.streamId === 'count-2') throw new Error('cannot fold count-2');
        return state + 1;
      },
    };
    runner = new ProjectionRunner(flaky.asStore(), { retryMs: { first: 20, max: 100 } });
    runner.register(broken);
    await runner.start();

    await append('count-1');
    const { position } = await append('count-2');
    await eventually(() => runner?.failed !== undefined, 'the runner failed');

    expect(runner.status().state).toBe('failed');
    expect(runner.failed?.message).toMatch(/Projection broken failed: cannot fold count-2/);
    await expect(runner.waitFor(position)).rejects.toThrow(/cannot fold count-2/);
    expect(flaky.subscriptions).toBe(1);
  });
});
