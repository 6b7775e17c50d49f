import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './adapters/sqlite-event-store';
import { runCommand } from './command-path';
import type { Decider } from './decider';
import type { ReadStreamOptions } from './event-store';
import { FoldedStreams } from './folded-streams';
import { newEvent } from './testing/new-event';

type Added = { type: 'Added'; data: { item: string } };
interface Basket {
  items: string[];
}

const basket: Decider<{ item: string }, Added, Basket> = {
  initialState: () => ({ items: [] }),
  evolve: (state, event) => ({ items: [...state.items, event.data.item] }),
  decide: (command, state) =>
    state.items.includes(command.item) ? [] : [{ type: 'Added', data: { item: command.item } }],
};

const context = {
  actor: { subject: 'folded-streams-test', role: 'system' as const },
  correlationId: 'c',
  occurredAt: '2026-12-07T00:00:00.000Z',
};

/**
 * A kept state must always be the store's current state: two store objects on one SQLite file
 * stand for two processes (the API and the worker), each with its own kept states.
 */
describe('folded streams: the kept state of a stream and only its new events read', () => {
  let dir: string;
  let store: SqliteEventStore;
  let other: SqliteEventStore;
  let reads: Array<ReadStreamOptions | undefined>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folded-streams-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    other = new SqliteEventStore(join(dir, 'events.db'));
    reads = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (streamId, options) => {
      reads.push(options);
      return readStream(streamId, options);
    };
  });

  afterEach(async () => {
    await store.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides on what another process appended since the state was kept, reading only that', async () => {
    const states = new FoldedStreams();
    await runCommand(store, 'basket-1', basket, { item: 'apple' }, context, { states });
    await other.appendToStream('basket-1', [newEvent('Added', { item: 'pear' })], 0);
    // 'pear' is there already (written by the other): nothing to add, and the state shows both.
    const outcome = await runCommand(store, 'basket-1', basket, { item: 'pear' }, context, { states });
    expect(outcome.events).toEqual([]);
    expect(outcome.state).toEqual({ items: ['apple', 'pear'] });
    expect(outcome.revision).toBe(1);
    const added = await runCommand(store, 'basket-1', basket, { item: 'plum' }, context, { states });
    expect(added.revision).toBe(2);
    expect((await other.readStream('basket-1')).map((e) => (e.data as { item: string }).item)).toEqual([
      'apple',
      'pear',
      'plum',
    ]);
    // The first command read the whole (empty) stream; then the kept state decided first, and only
    // the append refused for it (the other process had written) read, from the revision it knew.
    expect(reads.map((r) => r?.fromRevision)).toEqual([undefined, 1]);
  });

  it('decides again on fresh events after losing a race to another process', async () => {
    const states = new FoldedStreams();
    await runCommand(store, 'basket-2', basket, { item: 'apple' }, context, { states });
    let raced = false;
    const outcome = await runCommand(
      store,
      'basket-2',
      basket,
      async () => {
        // Between this command's read and its append, the other process adds the same item.
        if (!raced) {
          raced = true;
          await other.appendToStream('basket-2', [newEvent('Added', { item: 'fig' })], 0);
        }
        return { item: 'fig' };
      },
      context,
      { states },
    );
    expect(outcome.events).toEqual([]);
    expect(outcome.state).toEqual({ items: ['apple', 'fig'] });
    expect(await other.readStream('basket-2')).toHaveLength(2);
  });

  it('folds the whole stream for another fold of it, and for a stream it forgot', async () => {
    const states = new FoldedStreams(1);
    await other.appendToStream('basket-3', [newEvent('Added', { item: 'a' })], 'no_stream');
    await other.appendToStream('basket-4', [newEvent('Added', { item: 'b' })], 'no_stream');
    expect(await states.load(store, 'basket-3', basket)).toEqual({ state: { items: ['a'] }, revision: 0 });
    const count = { initialState: () => 0, evolve: (n: number) => n + 1 };
    expect(await states.load(store, 'basket-3', count)).toEqual({ state: 1, revision: 0 });
    // Only one stream is kept: basket-4 pushes basket-3 out.
    await states.load(store, 'basket-4', basket);
    expect(states.size).toBe(1);
    expect(await states.load(store, 'basket-3', count)).toEqual({ state: 1, revision: 0 });
    expect(reads.map((r) => r?.fromRevision)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('answers a stream that does not exist with the initial state and keeps nothing for it', async () => {
    const states = new FoldedStreams();
    expect(await states.load(store, 'basket-5', basket)).toEqual({ state: { items: [] }, revision: -1 });
    expect(states.size).toBe(0);
  });

  type Switched = { type: 'Switched'; data: { on: boolean } };
  const light: Decider<{ on: boolean; strict?: boolean }, Switched, { on: boolean }> = {
    initialState: () => ({ on: false }),
    evolve: (_, event) => ({ on: event.data.on }),
    decide: (command, state) => {
      if (state.on !== command.on) return [{ type: 'Switched', data: { on: command.on } }];
      if (command.strict) throw new Error(`already ${command.on ? 'on' : 'off'}`);
      return [];
    },
  };

  it('decides on the state it kept after its own appends, without reading the store', async () => {
    const states = new FoldedStreams();
    await runCommand(store, 'basket-6', basket, { item: 'apple' }, context, { states });
    await runCommand(store, 'basket-6', basket, { item: 'pear' }, context, { states });
    const outcome = await runCommand(store, 'basket-6', basket, { item: 'plum' }, context, { states });
    expect(outcome).toMatchObject({ state: { items: ['apple', 'pear', 'plum'] }, revision: 2 });
    expect(reads.map((r) => r?.fromRevision)).toEqual([undefined]);
    expect(states.peek('basket-6', basket)).toEqual({
      state: { items: ['apple', 'pear', 'plum'] },
      revision: 2,
    });
  });

  it('writes nothing, or refuses, only on the store’s current state, not on a kept one gone stale', async () => {
    const states = new FoldedStreams();
    await runCommand(store, 'light-1', light, { on: true }, context, { states });
    await other.appendToStream('light-1', [newEvent('Switched', { on: false })], 0);
    // Kept: on. Stored: off. Switching on is no longer nothing to do.
    const again = await runCommand(store, 'light-1', light, { on: true }, context, { states });
    expect(again).toMatchObject({ state: { on: true }, revision: 2 });
    await other.appendToStream('light-1', [newEvent('Switched', { on: false })], 2);
    // Kept: on. Stored: off. A strict "switch on" is refused on the kept state, not on the stored one.
    const strict = await runCommand(store, 'light-1', light, { on: true, strict: true }, context, { states });
    expect(strict).toMatchObject({ state: { on: true }, revision: 4 });
    await expect(
      runCommand(store, 'light-1', light, { on: true, strict: true }, context, { states }),
    ).rejects.toThrow('already on');
    expect((await other.readStream('light-1')).map((e) => (e.data as { on: boolean }).on)).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it('takes a settled decision to write nothing from the kept state, any other after a read', async () => {
    const states = new FoldedStreams();
    const settled = (command: { item: string }, state: Basket) => state.items.includes(command.item);
    await runCommand(store, 'basket-7', basket, { item: 'apple' }, context, { states });
    const again = await runCommand(store, 'basket-7', basket, { item: 'apple' }, context, {
      states,
      settled,
    });
    expect(again).toMatchObject({ events: [], revision: 0 });
    expect(reads.map((r) => r?.fromRevision)).toEqual([undefined]);
    // Without `settled`, the same decision is taken again on the store's current state.
    await runCommand(store, 'basket-7', basket, { item: 'apple' }, context, { states });
    expect(reads.map((r) => r?.fromRevision)).toEqual([undefined, 1]);
  });
});
