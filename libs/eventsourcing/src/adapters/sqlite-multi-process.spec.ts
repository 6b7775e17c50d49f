import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../errors';
import type { RecordedEvent } from '../event';
import { verifyStore } from '../hash-chain';
import { newEvent } from '../testing/new-event';
import { SqliteEventStore } from './sqlite-event-store';

const root = join(__dirname, '..', '..', '..', '..');

function runWriter(file: string, prefix: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(root, 'test/support/register-ts.js'),
        join(root, 'test/support/sqlite-writer.child.ts'),
        file,
        prefix,
        String(count),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`writer ${prefix} exited ${code}: ${stderr}`)),
    );
  });
}

describe('SQLite store shared by several processes (api and worker on one file)', () => {
  it('keeps every event of concurrent writer processes, gap-free and chained, and shows them to a live subscription', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'es-mp-')), 'events.sqlite');
    const store = new SqliteEventStore(file, { pollIntervalMs: 50 });
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({}, (e) => {
      seen.push(e);
    });
    const own = (async () => {
      for (let i = 0; i < 200; i++)
        await store.appendToStream(`parent-${i % 5}`, [newEvent('Tick', { i })], 'any');
    })();
    await Promise.all([own, runWriter(file, 'child-a', 200), runWriter(file, 'child-b', 200)]);

    const all = await store.readAll();
    expect(all).toHaveLength(600);
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    const verification = await verifyStore((after) => store.readAll({ after, maxCount: 1000 }));
    expect(verification).toMatchObject({ events: 600, streams: 15, breaks: [] });

    const deadline = Date.now() + 5000;
    while (seen.length < 600 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(seen.map((e) => e.position)).toEqual(all.map((e) => e.position));
    await subscription.stop();
    await store.close();
  }, 60000);

  describe('while another connection holds the write lock (the worker committing)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'es-lock-')), 'events.sqlite');
    let store: SqliteEventStore;
    let other: Database.Database;
    beforeEach(() => {
      store = new SqliteEventStore(file);
      other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
    });
    afterEach(async () => {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await store.close();
    });

    it('keeps this process running, and appends what waited, together, once the lock is free', async () => {
      const appends = [1, 2, 3].map((i) =>
        store.appendToStream(`waiting-${i}`, [newEvent('Tick', { i })], 'no_stream'),
      );
      // SQLite's own wait would put the whole thread to sleep: no timer would fire before the
      // lock is released. Here the timers run while the appends wait.
      const ticks: number[] = [];
      const started = Date.now();
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        ticks.push(Date.now() - started);
      }
      const late = store.appendToStream('waiting-4', [newEvent('Tick', { i: 4 })], 'no_stream');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await store.headPosition()).toBe(0);
      other.exec('COMMIT');

      const results = await Promise.all([...appends, late]);
      expect(ticks[ticks.length - 1]).toBeLessThan(1000);
      expect(results.map((r) => r.position).sort()).toEqual([1, 2, 3, 4]);
      const events = await store.readAll();
      expect(events.map((e) => e.streamId)).toEqual(['waiting-1', 'waiting-2', 'waiting-3', 'waiting-4']);
      // One transaction for all four: they were committed at the same instant.
      expect(new Set(events.map((e) => e.metadata.recordedAt)).size).toBe(1);
    });

    it('fails the appends as busy (store unavailable) when the lock stays held for five seconds', async () => {
      const started = Date.now();
      const failure = await store.appendToStream('held', [newEvent('Tick', {})], 'no_stream').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect((failure as StoreUnavailableError).reason).toBe('busy');
      expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
      other.exec('ROLLBACK');
      // Nothing half-written, and the store takes appends again.
      await store.appendToStream('held', [newEvent('Tick', {})], 'no_stream');
      expect((await store.readStream('held')).map((e) => e.revision)).toEqual([0]);
    }, 15_000);
  });
});
