import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore, SqliteEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { StoreFollower } from './store-follower';

/** The follower counts an event as handled only once the handler has acted on its page. */
describe('following the store a page at a time', () => {
  it('hands each event with whether it is the last in hand, and moves on at the page’s end', async () => {
    const store = new MemoryEventStore();
    for (let i = 1; i <= 5; i++) await store.appendToStream(`s-${i}`, [newEvent('T', { i })], 'no_stream');
    const seen: { position: number; lastInHand: boolean; followerAt: number }[] = [];
    const follower: StoreFollower = new StoreFollower(
      store,
      async (event, lastInHand) => {
        seen.push({ position: event.position, lastInHand, followerAt: follower.position });
      },
      { error: () => undefined },
    );
    follower.follow();
    await follower.waitFor(3);
    // Waiting for the third resolved only after the fifth, the page's last, was handled.
    expect(follower.position).toBe(5);
    expect(seen.map((s) => s.lastInHand)).toEqual([false, false, false, false, true]);
    expect(seen.every((s) => s.followerAt === 0)).toBe(true);

    // A later append is a page of its own.
    await store.appendToStream('s-6', [newEvent('T', { i: 6 })], 'no_stream');
    await follower.waitFor(6);
    expect(seen[5]).toEqual({ position: 6, lastInHand: true, followerAt: 5 });
    await follower.stop();
  });
});

/**
 * Another process's appends are seen at the next poll. A firing waits until the follower has
 * read up to the store's head (so a fulfilment stored just before the moment counts): waiting
 * makes the follower look at once, not at its next poll.
 */
describe('waiting for what another process stored', () => {
  it('looks at once instead of at the next poll', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'follower-poke-')), 'events.sqlite');
    const worker = new SqliteEventStore(file, { pollIntervalMs: 60_000, checkpointThread: false });
    const api = new SqliteEventStore(file, { checkpointThread: false });
    const seen: number[] = [];
    const follower = new StoreFollower(worker, async (event) => void seen.push(event.position), {
      error: () => undefined,
    });
    try {
      follower.follow();
      await api.appendToStream('s-1', [newEvent('T', { i: 1 })], 'no_stream');
      // Not signalled to the worker's store: without a poke the follower would sleep for a minute.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toEqual([]);
      const head = await worker.headPosition();
      let timer: NodeJS.Timeout | undefined;
      const tooLate = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('not seen within 5 s: waited for the poll')), 5_000);
      });
      await Promise.race([follower.waitFor(head), tooLate]).finally(() => clearTimeout(timer));
      expect(seen).toEqual([head]);
    } finally {
      await follower.stop();
      await api.close();
      await worker.close();
    }
  });
});
