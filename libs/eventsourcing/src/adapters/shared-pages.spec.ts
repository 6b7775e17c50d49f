import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../event';
import { newEvent } from '../testing/new-event';
import { sharedPages } from './shared-pages';
import { SqliteEventStore } from './sqlite-event-store';

const event = (position: number) => ({ position }) as RecordedEvent;

/** A reader over positions 1..head that counts its reads. */
function positions(head: () => number) {
  const reads: { after: number; found: number }[] = [];
  const read = async (after: number, maxCount: number) => {
    const found: RecordedEvent[] = [];
    for (let p = after + 1; p <= head() && found.length < maxCount; p++) found.push(event(p));
    reads.push({ after, found: found.length });
    return found;
  };
  return { read, reads };
}

describe('pages shared by the subscriptions of a process', () => {
  it('reads a page once for every subscription asking for it, and not once per subscription', async () => {
    const { read, reads } = positions(() => 10);
    const page = sharedPages(read);
    const first = await page(0, 512);
    const second = await page(0, 512);
    expect(second).toBe(first);
    expect(reads).toEqual([{ after: 0, found: 10 }]);
  });

  it('shares a read still under way', async () => {
    const { read, reads } = positions(() => 3);
    const page = sharedPages(read);
    const [a, b] = await Promise.all([page(0, 512), page(0, 512)]);
    expect(b).toBe(a);
    expect(reads).toHaveLength(1);
  });

  it('hands out a shorter page cut from a kept one, and reads anew for a longer one', async () => {
    const { read, reads } = positions(() => 10);
    const page = sharedPages(read);
    await page(0, 4);
    expect((await page(0, 2)).map((e) => e.position)).toEqual([1, 2]);
    expect((await page(0, 8)).map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(reads.map((r) => r.found)).toEqual([4, 8]);
  });

  it('never hands out an empty page again: the next event must wake the subscription', async () => {
    let head = 0;
    const { read, reads } = positions(() => head);
    const page = sharedPages(read);
    expect(await page(0, 512)).toEqual([]);
    head = 2;
    expect((await page(0, 512)).map((e) => e.position)).toEqual([1, 2]);
    expect(reads).toHaveLength(2);
  });

  it('reads anew once a page is older than reuseMs; a page handed out before that may lack newer events', async () => {
    let head = 2;
    let clock = 0;
    const { read, reads } = positions(() => head);
    const page = sharedPages(read, { reuseMs: 100, now: () => clock });
    await page(0, 512);
    head = 5;
    clock = 99;
    expect((await page(0, 512)).map((e) => e.position)).toEqual([1, 2]);
    clock = 100;
    expect((await page(0, 512)).map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    expect(reads).toHaveLength(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const page = sharedPages(async () => {
      if (fail) throw new Error('disk gone');
      return [event(1)];
    });
    await expect(page(0, 512)).rejects.toThrow('disk gone');
    fail = false;
    expect(await page(0, 512)).toEqual([event(1)]);
  });

  it('keeps at most `entries` pages, dropping the oldest', async () => {
    const { read, reads } = positions(() => 100);
    const page = sharedPages(read, { entries: 2 });
    await page(0, 1);
    await page(1, 1);
    await page(2, 1);
    await page(1, 1);
    await page(0, 1);
    expect(reads.map((r) => r.after)).toEqual([0, 1, 2, 0]);
  });

  it('on the SQLite store: three subscriptions each get every event in order, and each page is read from the file once', async () => {
    const store = new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'es-pages-')), 'events.sqlite'));
    try {
      for (let i = 0; i < 1200; i += 100)
        await Promise.all(
          Array.from({ length: 100 }, (_, k) =>
            store.appendToStream(`stream-${(i + k) % 7}`, [newEvent('Tick', { n: i + k })], 'any'),
          ),
        );
      const found: RecordedEvent[] = [];
      const readAll = store.readAll.bind(store);
      jest.spyOn(store, 'readAll').mockImplementation(async (options) => {
        const page = await readAll(options);
        found.push(...page);
        return page;
      });
      const seen = [[], [], []] as number[][];
      const subscriptions = seen.map((list) =>
        store.subscribeToAll({ after: 0 }, (e) => void list.push(e.position)),
      );
      const deadline = Date.now() + 10_000;
      while (seen.some((list) => list.length < 1200) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await Promise.all(subscriptions.map((s) => s.stop()));

      const all = Array.from({ length: 1200 }, (_, i) => i + 1);
      for (const list of seen) expect(list).toEqual(all);
      // Read from the file: each of the 1,200 events once (three pages of up to 512), not three times.
      expect(found.map((e) => e.position)).toEqual(all);
    } finally {
      await store.close();
    }
  });
});
