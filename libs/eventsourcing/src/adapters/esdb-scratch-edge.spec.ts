import { ConcurrencyError, PartialDuplicateAppendError } from '../errors';
import type { RecordedEvent } from '../event';
import { verifyStreamChain } from '../hash-chain';
import { newEvent } from '../testing/new-event';
import { EsdbEventStore } from './esdb-event-store';
import { FakeEsdb } from './esdb-scratch-fake';

const fake = new FakeEsdb();
let store: EsdbEventStore;
beforeAll(async () => { store = new EsdbEventStore(await fake.start()); });
afterAll(async () => { await store.close(); await fake.stop(); });

it("racing 'any' appends all land and keep the chain valid", async () => {
  await Promise.all(Array.from({ length: 30 }, (_, i) => store.appendToStream('race-any', [newEvent('X', { i }), newEvent('Y', { i })], 'any')));
  const events = await store.readStream('race-any');
  expect(events).toHaveLength(60);
  expect(verifyStreamChain('race-any', events)).toBeUndefined();
  console.log('wev so far', fake.stats.wev);
});

it('recognises an exact retry after others appended, and partial repeats', async () => {
  const batch = [newEvent('A', {}), newEvent('B', {})];
  const first = await store.appendToStream('retry-1', batch, 'no_stream');
  await store.appendToStream('retry-1', [newEvent('C', {})], 1);
  const again = await store.appendToStream('retry-1', batch, 'no_stream');
  expect(again).toEqual(first);
  await expect(store.appendToStream('retry-1', [batch[1], newEvent('D', {})], 'no_stream')).rejects.toBeInstanceOf(PartialDuplicateAppendError);
  await expect(store.appendToStream('retry-1', [newEvent('E', {})], 0)).rejects.toBeInstanceOf(ConcurrencyError);
  const anyAgain = await store.appendToStream('retry-1', [newEvent('F', {})], 'any');
  expect(anyAgain.nextExpectedRevision).toBe(3);
  expect((await store.readStream('retry-1')).length).toBe(4);
});

it('reads $all after an arbitrary number and with maxCount around system events', async () => {
  const events = await store.readAll();
  expect(events.some((e) => e.streamId.startsWith('$'))).toBe(false);
  const mid = events[5];
  const afterOdd = await store.readAll({ after: mid.position + 7 });
  expect(afterOdd.map((e) => e.metadata.eventId)).toEqual(events.slice(6).map((e) => e.metadata.eventId));
  const page = await store.readAll({ after: mid.position, maxCount: 3 });
  expect(page.map((e) => e.position)).toEqual(events.slice(6, 9).map((e) => e.position));
  const head = await store.headPosition();
  expect(head).toBe(events[events.length - 1].position);
  expect(fake.log[fake.log.length - 1].streamId.startsWith('$') || true).toBe(true);
  expect(await store.readAll({ after: head })).toEqual([]);
  expect(await store.readAll({ after: head + 1000 })).toEqual([]);
});

it('subscribes from an arbitrary checkpoint, from beyond the head, and stops while a handler runs', async () => {
  const all = await store.readAll();
  const seen: RecordedEvent[] = [];
  const sub = store.subscribeToAll({ after: all[3].position + 1 }, (e) => { seen.push(e); });
  const head = await store.headPosition();
  const sub2Seen: RecordedEvent[] = [];
  const sub2 = store.subscribeToAll({ after: head + 3 }, (e) => { sub2Seen.push(e); });
  await new Promise((r) => setTimeout(r, 100));
  await store.appendToStream('late-1', [newEvent('Late', {})], 'no_stream');
  await new Promise((r) => setTimeout(r, 100));
  expect(seen.map((e) => e.position)).toEqual([...all.slice(4), ...(await store.readAll({ after: all[all.length - 1].position }))].map((e) => e.position));
  expect(sub2Seen.map((e) => e.streamId)).toEqual(['late-1']);
  await sub.stop(); await sub2.stop();

  let release!: () => void; let finished = false;
  const slow = store.subscribeToAll({}, async () => { await new Promise<void>((r) => (release = r)); finished = true; });
  await new Promise((r) => setTimeout(r, 50));
  const stopping = slow.stop();
  let stopped = false; void stopping.then(() => (stopped = true));
  await new Promise((r) => setTimeout(r, 30));
  expect(stopped).toBe(false);
  release(); await stopping;
  expect(finished).toBe(true);
  await new Promise((r) => setTimeout(r, 20));
  expect(fake.live.size).toBe(0);
});

it('a handler error ends the subscription and rejects done', async () => {
  const sub = store.subscribeToAll({}, () => { throw new Error('boom'); });
  await expect(sub.done).rejects.toThrow('boom');
  await new Promise((r) => setTimeout(r, 20));
  expect(fake.live.size).toBe(0);
  await store.ping();
});
