import { MemoryEventStore, ProjectionRunner } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import type { AppConfig } from '../config/app-config';
import { FixedClock } from '../time/clock';
import { requestContext } from '../http/request-context';
import { CommandService } from './command.service';

interface Tally {
  titles: string[];
}
const tally = {
  initialState: (): Tally => ({ titles: [] }),
  evolve: (state: Tally, event: { type: string; data: unknown }): Tally => ({
    titles: [...state.titles, (event.data as { title: string }).title],
  }),
};

/** `load` keeps a stream's folded state and reads only what came after it: it must stay the store's truth. */
describe('loading the current state of a stream', () => {
  let store: MemoryEventStore;
  let commands: CommandService;
  let reads: Array<number | undefined>;

  beforeEach(async () => {
    store = new MemoryEventStore();
    const readStream = store.readStream.bind(store);
    reads = [];
    store.readStream = (streamId, options) => {
      reads.push(options?.fromRevision);
      return readStream(streamId, options);
    };
    commands = new CommandService(
      store,
      new ProjectionRunner(store),
      new FixedClock('2026-01-10'),
      {} as AppConfig,
    );
    await store.appendToStream(
      'call-a',
      [newEvent('T', { title: 'one' }), newEvent('T', { title: 'two' })],
      'no_stream',
    );
  });

  it('shows events appended after an earlier load, whoever appended them', async () => {
    expect(await commands.load('call-a', tally)).toEqual({ state: { titles: ['one', 'two'] }, revision: 1 });
    await store.appendToStream('call-a', [newEvent('T', { title: 'three' })], 1);
    expect(await commands.load('call-a', tally)).toEqual({
      state: { titles: ['one', 'two', 'three'] },
      revision: 2,
    });
    // The second and third loads read only from the revision after the one they knew.
    await commands.load('call-a', tally);
    expect(reads).toEqual([undefined, 2, 3]);
  });

  it('folds anew for another evolution of the same stream', async () => {
    await commands.load('call-a', tally);
    const count = {
      initialState: () => 0,
      evolve: (n: number) => n + 1,
    };
    expect(await commands.load('call-a', count)).toEqual({ state: 2, revision: 1 });
    expect(reads).toEqual([undefined, undefined]);
  });

  it('answers a stream that does not exist yet with the initial state, and sees it once it does', async () => {
    expect(await commands.load('call-b', tally)).toEqual({ state: { titles: [] }, revision: -1 });
    await store.appendToStream('call-b', [newEvent('T', { title: 'first' })], 'no_stream');
    expect(await commands.load('call-b', tally)).toEqual({ state: { titles: ['first'] }, revision: 0 });
  });
});

/** A title is added once; nothing is added while the last title is "closed". */
const titles = {
  ...tally,
  decide: (command: { title: string }, state: Tally) => {
    if (state.titles.includes(command.title)) return [];
    if (state.titles[state.titles.length - 1] === 'closed') throw new Error('closed');
    return [{ type: 'T', data: { title: command.title } }];
  },
};

/** `run` decides the next command on a stream it wrote to on the state its append left. */
describe('running commands on a stream this process wrote to', () => {
  let store: MemoryEventStore;
  let commands: CommandService;
  let reads: string[];
  const run = (streamId: string, title: string) =>
    requestContext.run(
      { correlationId: `c-${title}`, actor: { subject: 'office', role: 'grants-office' } },
      () => commands.run(streamId, titles, { title }),
    );

  beforeEach(() => {
    store = new MemoryEventStore();
    const readStream = store.readStream.bind(store);
    reads = [];
    store.readStream = (streamId, options) => {
      reads.push(streamId);
      return readStream(streamId, options);
    };
    // No read models here: the answer need not wait for any.
    const noReadModels = { waitFor: async () => true } as unknown as ProjectionRunner;
    commands = new CommandService(store, noReadModels, new FixedClock('2026-01-10'), {
      projectionWaitMs: 0,
    } as AppConfig);
  });

  it('decides without reading the stream after its own append', async () => {
    await run('call-a', 'one');
    await run('call-a', 'two');
    expect(reads).toEqual(['call-a']);
    expect((await store.readStream('call-a')).map((e) => (e.data as { title: string }).title)).toEqual([
      'one',
      'two',
    ]);
  });

  it('decides again on the store’s state when another process appended meanwhile', async () => {
    await run('call-a', 'one');
    await store.appendToStream('call-a', [newEvent('T', { title: 'two' })], 0);
    // Decided on the kept state (one): "two" would be added; the store refuses revision 0, and on
    // its state (one, two) there is nothing to add.
    expect((await run('call-a', 'two')).events).toEqual([]);
    await run('call-a', 'closed');
    await store.appendToStream('call-a', [newEvent('T', { title: 'reopened' })], 2);
    // Refused on the kept state (closed last), added on the store's (reopened since).
    expect((await run('call-a', 'three')).events).toHaveLength(1);
    await store.appendToStream('call-a', [newEvent('T', { title: 'closed' })], 4);
    // And refused where the store's state refuses it.
    await expect(run('call-a', 'four')).rejects.toThrow('closed');
    expect((await store.readStream('call-a')).map((e) => (e.data as { title: string }).title)).toEqual([
      'one',
      'two',
      'closed',
      'reopened',
      'three',
      'closed',
    ]);
  });

  it('decides on the store’s state when asked to, or under an Idempotency-Key', async () => {
    await run('call-a', 'one');
    reads.length = 0;
    await requestContext.run(
      { correlationId: 'c-fresh', actor: { subject: 'office', role: 'grants-office' } },
      () => commands.run('call-a', titles, { title: 'two' }, { fresh: true }),
    );
    await requestContext.run(
      { correlationId: 'c-key', commandId: 'key-1', actor: { subject: 'office', role: 'grants-office' } },
      () => commands.run('call-a', titles, { title: 'three' }),
    );
    expect(reads).toEqual(['call-a', 'call-a']);
  });
});
