import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyStore } from '../hash-chain';
import { newEvent } from '../testing/new-event';
import { SqliteEventStore } from './sqlite-event-store';
import { CHECKPOINT_AFTER_BYTES, FALLBACK_AUTOCHECKPOINT_PAGES, WalCheckpointer } from './wal-checkpointer';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'es-wal-')), 'events.sqlite');
const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
/** About 4 KB of JSON per event: a few hundred of them pass the checkpoint threshold. */
const bulky = (i: number) => newEvent('Bulky', { i, text: 'x'.repeat(4000) });

async function writeBytes(store: SqliteEventStore, bytes: number, stream = 'bulk'): Promise<number> {
  const count = Math.ceil(bytes / 4000);
  // In groups of 50 concurrent appends: the store's group commit, as under load.
  for (let i = 0; i < count; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, j) =>
        store.appendToStream(`${stream}-${(i + j) % 7}`, [bulky(i + j)], 'any'),
      ),
    );
  return count;
}

describe('WAL checkpoints on a thread of their own (SQLite store)', () => {
  it('moves the WAL into the database file off the event loop once enough was written, losing nothing', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file);
    expect(store.checkpointer?.started).toBe(false);
    const before = size(file);
    const checkpointed = store.checkpointer!.next();
    const written = await writeBytes(store, CHECKPOINT_AFTER_BYTES + 200_000);
    const result = await checkpointed;
    expect(store.checkpointer!.started).toBe(true);
    expect(result.busy).toBe(0);
    expect(result.checkpointed).toBeGreaterThan(0);
    // The pages are in the database file now, far below the fallback's 10,000 pages (40 MB) of WAL.
    expect(CHECKPOINT_AFTER_BYTES).toBeLessThan(FALLBACK_AUTOCHECKPOINT_PAGES * 4096);
    expect(size(file) - before).toBeGreaterThan(CHECKPOINT_AFTER_BYTES);

    const all = await store.readAll();
    expect(all).toHaveLength(written);
    expect(await verifyStore((after) => store.readAll({ after, maxCount: 1000 }))).toMatchObject({
      events: written,
      breaks: [],
    });
    await store.close();
    // Closed: the thread is gone and the last connection removed the WAL.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new SqliteEventStore(file);
    expect(await reopened.readAll()).toHaveLength(written);
    await reopened.close();
  });

  it('starts no thread for a store that writes little, and none for a read-only one or when turned off', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file);
    await store.appendToStream('few-1', [newEvent('Tick', { i: 1 })], 'no_stream');
    expect(store.checkpointer?.started).toBe(false);
    await store.close();
    const reader = new SqliteEventStore(file, { readOnly: true });
    expect(reader.checkpointer).toBeUndefined();
    await reader.close();
    const off = new SqliteEventStore(file, { checkpointThread: false });
    expect(off.checkpointer).toBeUndefined();
    // Without the thread the connection keeps SQLite's own checkpoint at its default size.
    expect(
      (off as unknown as { db: Database.Database }).db.pragma('wal_autocheckpoint', { simple: true }),
    ).toBe(1000);
    await off.close();
    const on = new SqliteEventStore(file);
    expect(
      (on as unknown as { db: Database.Database }).db.pragma('wal_autocheckpoint', { simple: true }),
    ).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    await on.close();
  });

  it('a thread that cannot open its file reports why and asks for nothing more; closing still ends it', async () => {
    const checkpointer = new WalCheckpointer(join(freshFile(), 'missing.sqlite'));
    checkpointer.request();
    const until = Date.now() + 10_000;
    while (checkpointer.failure === undefined && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(checkpointer.failure).toMatch(/unable to open|directory|no such file/i);
    checkpointer.request();
    expect(checkpointer.completed).toBe(0);
    await checkpointer.close();
    await checkpointer.close();
  });
});
