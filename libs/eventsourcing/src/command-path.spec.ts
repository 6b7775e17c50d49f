import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './adapters/sqlite-event-store';
import { type CommandContext, type CommandInBatch, runCommand, runCommands } from './command-path';
import type { Decider } from './decider';
import type { NewEvent } from './event';
import type { ExpectedRevision } from './event-store';
import { FoldedStreams } from './folded-streams';

/** A guest list: each name is added once; a name already on it adds nothing. */
type Added = { type: 'GuestAdded'; data: { name: string } };
type Guests = { names: string[] };
const guests: Decider<{ name: string }, Added, Guests> = {
  decide: ({ name }, state) => (state.names.includes(name) ? [] : [{ type: 'GuestAdded', data: { name } }]),
  evolve: (state, event) => ({ names: [...state.names, event.data.name] }),
  initialState: () => ({ names: [] }),
};

const context = (name: string, at: string): CommandContext => ({
  actor: { subject: 'follower', role: 'system' },
  correlationId: `add|${name}`,
  causationId: `cause-of-${name}`,
  commandId: `add|${name}`,
  occurredAt: at,
});
const item = (name: string, at = '2011-11-09T09:00:00.000Z'): CommandInBatch<{ name: string }> => ({
  command: { name },
  context: context(name, at),
});

describe('runCommands: several commands to one stream in one append', () => {
  let dir: string;
  let store: SqliteEventStore;
  let appends: { streamId: string; events: NewEvent[] }[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'command-path-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    appends = [];
    const append = store.appendToStream.bind(store);
    store.appendToStream = (streamId: string, events: NewEvent[], expected: ExpectedRevision) => {
      appends.push({ streamId, events });
      return append(streamId, events, expected);
    };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides each on the state the ones before leave and appends them together', async () => {
    await runCommand(
      store,
      'guests-1',
      guests,
      { name: 'Anna' },
      context('Anna', '2011-11-01T09:00:00.000Z'),
    );
    appends = [];
    const outcome = await runCommands(store, 'guests-1', guests, [
      item('Berta', '2011-11-02T09:00:00.000Z'),
      item('Anna'),
      item('Carl', '2011-11-03T09:00:00.000Z'),
      item('Berta'),
    ]);
    // Anna was there, the second Berta follows the first: two events, one append.
    expect(appends).toHaveLength(1);
    expect(outcome.events.map((e) => e.data.name)).toEqual(['Berta', 'Carl']);
    expect(outcome.state.names).toEqual(['Anna', 'Berta', 'Carl']);
    expect(outcome.revision).toBe(2);
    const stored = await store.readStream('guests-1');
    // Each event carries its own command's envelope.
    expect(
      stored.slice(1).map((e) => [e.metadata.occurredAt, e.metadata.causationId, e.metadata.commandId]),
    ).toEqual([
      ['2011-11-02T09:00:00.000Z', 'cause-of-Berta', 'add|Berta'],
      ['2011-11-03T09:00:00.000Z', 'cause-of-Carl', 'add|Carl'],
    ]);
  });

  it('writes the very events the commands run one by one would have written', async () => {
    const names = ['Anna', 'Berta', 'Carl'];
    await runCommands(
      store,
      'together',
      guests,
      names.map((n) => item(n)),
    );
    for (const n of names)
      await runCommand(store, 'one-by-one', guests, { name: n }, context(n, item(n).context.occurredAt));
    const together = await store.readStream('together');
    const alone = await store.readStream('one-by-one');
    const envelope = (e: (typeof together)[number]) => ({
      type: e.type,
      data: e.data,
      revision: e.revision,
      // The hash chain and the time of recording differ between the two streams.
      metadata: {
        ...e.metadata,
        eventId: undefined,
        hash: undefined,
        prevHash: undefined,
        recordedAt: undefined,
      },
    });
    expect(together.map(envelope)).toEqual(alone.map(envelope));
    // Ids follow from the command id, the stream and the revision: the same scheme, other streams.
    expect(new Set(together.map((e) => e.metadata.eventId)).size).toBe(3);
    // Run again: everything is there, nothing is written.
    appends = [];
    const again = await runCommands(
      store,
      'together',
      guests,
      names.map((n) => item(n)),
    );
    expect(again.events).toEqual([]);
    expect(appends).toEqual([]);
  });

  it('decides again on the stream as it is when the kept state was stale', async () => {
    const states = new FoldedStreams();
    await runCommands(store, 'guests-2', guests, [item('Anna')], { states });
    // Another process adds Berta: the kept state does not know her.
    const other = new SqliteEventStore(store.file);
    await runCommand(
      other,
      'guests-2',
      guests,
      { name: 'Berta' },
      context('Berta', '2011-11-09T10:00:00.000Z'),
    );
    await other.close();
    appends = [];
    const outcome = await runCommands(store, 'guests-2', guests, [item('Berta'), item('Carl')], { states });
    // The first try, on the kept state, repeated Berta's event (same command, same revision, same
    // id) beside Carl's and was refused; the second decided on Anna and Berta.
    expect(appends.map((a) => a.events.map((e) => (e.data as { name: string }).name))).toEqual([
      ['Berta', 'Carl'],
      ['Carl'],
    ]);
    expect(outcome.state.names).toEqual(['Anna', 'Berta', 'Carl']);
    expect((await store.readStream('guests-2')).map((e) => (e.data as { name: string }).name)).toEqual([
      'Anna',
      'Berta',
      'Carl',
    ]);
  });

  it('takes "nothing to write" on a kept state as final only where every command says so', async () => {
    const states = new FoldedStreams();
    await runCommands(store, 'guests-3', guests, [item('Anna')], { states });
    const reads: string[] = [];
    const read = store.readStream.bind(store);
    store.readStream = (streamId, options) => {
      reads.push(streamId);
      return read(streamId, options);
    };
    const settled = (command: { name: string }, state: Guests) => state.names.includes(command.name);
    await runCommands(store, 'guests-3', guests, [item('Anna')], { states, settled });
    expect(reads).toEqual([]);
    // Without `settled`, nothing decided on a kept state is checked on the store's.
    await runCommands(store, 'guests-3', guests, [item('Anna')], { states });
    expect(reads).toEqual(['guests-3']);
  });
});
