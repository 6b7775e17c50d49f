import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../event';
import type { EventStore } from '../event-store';
import { ConcurrencyError, InvalidStreamIdError } from '../errors';
import { verifyStreamChain } from '../hash-chain';
import { newEvent } from './new-event';

/**
 * The contract every EventStore adapter must meet. Stream names carry a per-run prefix so the
 * suite also runs against a long-lived EventStoreDB server that holds other data.
 */
export function eventStoreContract(name: string, open: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    const run = randomUUID().slice(0, 8);
    const stream = (label: string) => `contract-${run}-${label}-${randomUUID().slice(0, 8)}`;

    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('reads a missing stream as empty', async () => {
      expect(await store.readStream(stream('missing'))).toEqual([]);
    });

    it('keeps order within a stream and gives strictly increasing global positions', async () => {
      const s = stream('order');
      await store.appendToStream(s, [newEvent('A', { n: 0 }), newEvent('B', { n: 1 })], 'no_stream');
      await store.appendToStream(s, [newEvent('C', { n: 2 })], 1);
      const events = await store.readStream(s);
      expect(events.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
      for (let i = 1; i < events.length; i++)
        expect(events[i].position).toBeGreaterThan(events[i - 1].position);
      const all = (await store.readAll({ after: events[0].position - 1 })).filter((e) => e.streamId === s);
      expect(all.map((e) => e.metadata.eventId)).toEqual(events.map((e) => e.metadata.eventId));
    });

    it('enforces the expected revision: no stream, exact, any', async () => {
      const s = stream('expected');
      await store.appendToStream(s, [newEvent('A', {})], 'no_stream');
      await expect(store.appendToStream(s, [newEvent('B', {})], 'no_stream')).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
      await expect(store.appendToStream(s, [newEvent('B', {})], 5)).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.appendToStream(stream('absent'), [newEvent('B', {})], 0)).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
      const exact = await store.appendToStream(s, [newEvent('B', {})], 0);
      expect(exact.nextExpectedRevision).toBe(1);
      const any = await store.appendToStream(s, [newEvent('C', {})], 'any');
      expect(any.nextExpectedRevision).toBe(2);
      expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('lets exactly one of N concurrent appends with the same expected revision win', async () => {
      const s = stream('race');
      await store.appendToStream(s, [newEvent('Created', {})], 'no_stream');
      const attempts = await Promise.allSettled(
        Array.from({ length: 16 }, (_, i) => store.appendToStream(s, [newEvent('Raced', { i })], 0)),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(15);
      for (const l of lost) expect(l.reason).toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream(s)).toHaveLength(2);
    });

    it('treats re-appending the same event ids as done, writing nothing', async () => {
      const s = stream('idempotent');
      const events = [newEvent('A', { x: 1 }), newEvent('B', { x: 2 })];
      const first = await store.appendToStream(s, events, 'no_stream');
      const again = await store.appendToStream(s, events, 'no_stream');
      expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
      const stored = await store.readStream(s);
      expect(stored).toHaveLength(2);
      expect(stored.map((e) => e.metadata.eventId)).toEqual(events.map((e) => e.metadata.eventId));
    });

    it('round-trips large and non-ASCII payloads exactly, with a valid hash chain', async () => {
      const s = stream('payload');
      const text = 'Kein Kind zurücklassen – Städte, Kreise, Größe ß ÄÖÜ € 😀 中文 \u0000 "quotes" \\ ';
      const large = { blob: 'ä'.repeat(300 * 1024), text, nested: { list: [1, 2.5, -3, true, null, text] } };
      await store.appendToStream(s, [newEvent('Small', { text }), newEvent('Large', large)], 'no_stream');
      const [small, big] = await store.readStream(s);
      expect(small.data).toEqual({ text });
      expect(big.data).toEqual(large);
      expect(verifyStreamChain(s, [small, big])).toBeUndefined();
    });

    it('records the envelope: ids, actor, business and storage time, chained hashes', async () => {
      const s = stream('envelope');
      const event = newEvent('Decided', { ok: true }, { occurredAt: '2012-04-16T10:00:00.000Z' });
      await store.appendToStream(s, [event, newEvent('Next', {})], 'no_stream');
      const [first, second] = await store.readStream(s);
      expect(first.metadata).toMatchObject({ ...event.metadata, occurredAt: '2012-04-16T10:00:00.000Z' });
      expect(Date.parse(first.metadata.recordedAt)).toBeGreaterThan(Date.parse('2020-01-01'));
      expect(first.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(second.metadata.prevHash).toBe(first.metadata.hash);
    });

    it('reads a stream up to a revision or a recorded time', async () => {
      const s = stream('upto');
      await store.appendToStream(s, [newEvent('A', {}), newEvent('B', {})], 'no_stream');
      const [, b] = await store.readStream(s);
      await new Promise((r) => setTimeout(r, 15));
      await store.appendToStream(s, [newEvent('C', {})], 1);
      expect((await store.readStream(s, { toRevision: 0 })).map((e) => e.type)).toEqual(['A']);
      expect((await store.readStream(s, { toRecordedAt: b.metadata.recordedAt })).map((e) => e.type)).toEqual(
        ['A', 'B'],
      );
    });

    it('reads a stream from a revision on, alone or up to another', async () => {
      const s = stream('from');
      await store.appendToStream(
        s,
        ['A', 'B', 'C', 'D'].map((t) => newEvent(t, {})),
        'no_stream',
      );
      expect((await store.readStream(s, { fromRevision: 2 })).map((e) => e.type)).toEqual(['C', 'D']);
      expect((await store.readStream(s, { fromRevision: 1, toRevision: 2 })).map((e) => e.type)).toEqual([
        'B',
        'C',
      ]);
      expect(await store.readStream(s, { fromRevision: 4 })).toEqual([]);
      expect(await store.readStream(s, { fromRevision: 3, toRevision: 2 })).toEqual([]);
    });

    it('refuses stream ids that reach system streams or look like paths', async () => {
      for (const bad of ['$all', '$et-Foo', 'call/1', 'call-..-x', '', 'call 1']) {
        await expect(store.appendToStream(bad, [newEvent('A', {})], 'any')).rejects.toBeInstanceOf(
          InvalidStreamIdError,
        );
      }
    });

    it('ends a subscription whose handler fails, rejecting done instead of crashing the process', async () => {
      const s = stream('failing');
      const start = await store.headPosition();
      await store.appendToStream(s, [newEvent('Boom', {})], 'no_stream');
      const subscription = store.subscribeToAll({ after: start }, (e) => {
        if (e.streamId === s) throw new Error('handler failed');
      });
      await expect(subscription.done).rejects.toThrow('handler failed');
      await subscription.stop();
    });

    it('delivers every event once, in order, across a stop and a restart from its checkpoint', async () => {
      const prefix = stream('sub');
      const start = await store.headPosition();
      const writers = 4;
      const perWriter = 60;
      const writing = Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) {
            await store.appendToStream(
              `${prefix}-w${w}`,
              [newEvent('Tick', { w, i })],
              i === 0 ? 'no_stream' : i - 1,
            );
            if (i % 7 === 0) await new Promise((r) => setTimeout(r, 1));
          }
        }),
      );
      const seen: RecordedEvent[] = [];
      let checkpoint = start;
      const mine = (e: RecordedEvent) => e.streamId.startsWith(prefix);

      let firstHalfDone!: () => void;
      const firstHalf = new Promise<void>((r) => (firstHalfDone = r));
      const first = store.subscribeToAll({ after: start }, (e) => {
        if (mine(e)) seen.push(e);
        checkpoint = e.position;
        if (seen.length === 70) firstHalfDone();
      });
      await firstHalf;
      await first.stop();
      const seenBeforeRestart = seen.length;
      expect(seenBeforeRestart).toBeGreaterThanOrEqual(70);

      let allDone!: () => void;
      const everything = new Promise<void>((r) => (allDone = r));
      const second = store.subscribeToAll({ after: checkpoint }, (e) => {
        if (mine(e)) seen.push(e);
        if (seen.length >= writers * perWriter) allDone();
      });
      await writing;
      await everything;
      await second.stop();

      const written = (await store.readAll({ after: start })).filter(mine);
      expect(written).toHaveLength(writers * perWriter);
      expect(seen.map((e) => e.metadata.eventId)).toEqual(written.map((e) => e.metadata.eventId));
      for (let i = 1; i < seen.length; i++) expect(seen[i].position).toBeGreaterThan(seen[i - 1].position);
    });
  });
}
