import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { verifyStore } from '../hash-chain';
import { newEvent } from '../testing/new-event';
import { SqliteEventStore } from './sqlite-event-store';
import { WRITER_AUTOCHECKPOINT_PAGES } from './sqlite-open';
import { estimatedWalPages, type WalCheckpointer, WalCheckpointer as Checkpointer } from './wal-checkpointer';

const root = join(__dirname, '..', '..', '..', '..');
const dirs: string[] = [];
const freshFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'es-wal-'));
  dirs.push(dir);
  return join(dir, 'events.sqlite');
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
const autocheckpoint = (store: SqliteEventStore) =>
  (store as unknown as { db: Database.Database }).db.pragma('wal_autocheckpoint', { simple: true });
const thread = (store: SqliteEventStore): WalCheckpointer => {
  if (!store.checkpointer) throw new Error('the store has no checkpoint thread');
  return store.checkpointer;
};
const until = async (condition: () => boolean, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** test/support/sqlite-checkpoint-writer.child.ts in a process of its own. */
const writer = (file: string, ...mode: string[]) =>
  spawn(
    process.execPath,
    [
      '-r',
      join(root, 'test/support/register-ts.js'),
      join(root, 'test/support/sqlite-checkpoint-writer.child.ts'),
      file,
      ...mode,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

describe('WAL checkpoints on a thread of their own (SQLite store)', () => {
  it('under single small appends the thread checkpoints beside the writer, and the WAL still starts over', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file);
    expect(autocheckpoint(store)).toBe(WRITER_AUTOCHECKPOINT_PAGES);
    expect(thread(store).started).toBe(false);
    // One event per commit, as the API writes under light load: about 4 WAL pages each, so
    // 4,500 commits are some 18,000 pages.
    for (let i = 0; i < 4500; i++)
      await store.appendToStream(`small-${i % 11}`, [newEvent('Tick', { i })], 'any');
    expect(thread(store).started).toBe(true);
    expect(thread(store).completed).toBeGreaterThanOrEqual(5);
    expect(thread(store).lastError).toBeUndefined();
    // The WAL file keeps its largest size: it started over near the writer's checkpoint size.
    expect(size(`${file}-wal`)).toBeLessThan(2 * WRITER_AUTOCHECKPOINT_PAGES * 4096);
    expect(await verifyStore((after) => store.readAll({ after, maxCount: 1000 }))).toMatchObject({
      events: 4500,
      breaks: [],
    });
    await store.close();
    const reopened = new SqliteEventStore(file);
    expect(await reopened.readAll()).toHaveLength(4500);
    await reopened.close();
  });

  it('copies a burst of large events into the database file from its thread, losing nothing', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file);
    const before = size(file);
    const checkpointed = thread(store).next();
    // 600 events of 4 KB in groups of 50 concurrent appends (the store's group commit): fewer
    // than the pages at which the writing connection would checkpoint by itself.
    for (let i = 0; i < 600; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          store.appendToStream(
            `bulk-${(i + j) % 7}`,
            [newEvent('Bulky', { i: i + j, text: 'x'.repeat(4000) })],
            'any',
          ),
        ),
      );
    const result = await checkpointed;
    expect(result.busy).toBe(0);
    expect(result.checkpointed).toBeGreaterThan(0);
    // So the database file grew by the thread's copy.
    expect(result.log).toBeLessThan(WRITER_AUTOCHECKPOINT_PAGES);
    expect(size(file) - before).toBeGreaterThan(1024 * 1024);
    expect(await store.readAll()).toHaveLength(600);
    await store.close();
    const reopened = new SqliteEventStore(file);
    expect(await reopened.readAll()).toHaveLength(600);
    await reopened.close();
  });

  it('estimates the WAL pages of a commit as a table of many events writes them (index leaves per event, the JSON)', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file, { checkpointThread: false });
    await store.appendToStream('seed', [newEvent('Tick', {})], 'no_stream');
    // 50,000 events with random ids and stream names (as deadlines have them), written directly.
    const raw = new Database(file);
    const insert = raw.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, 0, ?, ?, ?, ?)',
    );
    const text = 'x'.repeat(300);
    raw.transaction(() => {
      for (let i = 0; i < 50_000; i++) {
        const e = newEvent('Tick', { i, text });
        insert.run(
          `deadline-${randomUUID()}`,
          e.metadata.eventId,
          e.type,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
        );
      }
    })();
    try {
      for (const events of [20, 200]) {
        raw.pragma('wal_checkpoint(TRUNCATE)');
        const head = await store.headPosition();
        // One group commit: every append is handed over before the store flushes.
        await Promise.all(
          Array.from({ length: events / 2 }, () =>
            store.appendToStream(
              `deadline-${randomUUID()}`,
              [newEvent('Tick', { text }), newEvent('Tick', { text })],
              'no_stream',
            ),
          ),
        );
        const written = await store.readAll({ after: head });
        expect(written).toHaveLength(events);
        const chars = written.reduce(
          (sum, e) => sum + JSON.stringify(e.data).length + JSON.stringify(e.metadata).length,
          0,
        );
        const pages = (size(`${file}-wal`) - 32) / (4096 + 24);
        const estimate = estimatedWalPages(chars, events);
        expect(estimate / pages).toBeGreaterThan(0.75);
        expect(estimate / pages).toBeLessThan(1.33);
      }
    } finally {
      raw.close();
      await store.close();
    }
  });

  it('starts no thread for a store that writes little, none for a read-only one or when turned off', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file);
    await store.appendToStream('few-1', [newEvent('Tick', { i: 1 })], 'no_stream');
    expect(thread(store).started).toBe(false);
    await store.close();
    const reader = new SqliteEventStore(file, { readOnly: true });
    expect(reader.checkpointer).toBeUndefined();
    await reader.close();
    const off = new SqliteEventStore(file, { checkpointThread: false });
    expect(off.checkpointer).toBeUndefined();
    await off.close();
  });

  it('a thread that dies is given up; appends go on, with the writing connection’s own checkpoints', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file);
    for (let i = 0; i < 300; i++) await store.appendToStream('dies', [newEvent('Tick', { i })], 'any');
    await until(() => thread(store).started, 'the thread to start');
    const worker = (thread(store) as unknown as { worker: { terminate(): Promise<number> } }).worker;
    await worker.terminate();
    await until(() => thread(store).failure !== undefined, 'the failure to be noticed');
    expect(thread(store).failure).toMatch(/ended/);
    await expect(thread(store).next()).rejects.toThrow(/ended/);
    const completed = thread(store).completed;
    for (let i = 300; i < 5000; i++) await store.appendToStream('dies', [newEvent('Tick', { i })], i - 1);
    expect(thread(store).completed).toBe(completed);
    expect(size(`${file}-wal`)).toBeLessThan(2 * WRITER_AUTOCHECKPOINT_PAGES * 4096);
    expect(await store.readStream('dies')).toHaveLength(5000);
    await store.close();
  });

  it('refuses a path that names another file than the store opened, and a missing one; closing still ends it', async () => {
    const file = freshFile();
    const backup = `${file}.backup`;
    const store = new SqliteEventStore(file);
    const other = new SqliteEventStore(backup);
    const moved = new Checkpointer(file);
    await other.close();
    await store.close();
    // The path now names another file (a backup restored over the open one, say).
    renameSync(backup, file);
    moved.request();
    await until(() => moved.failure !== undefined, 'the refusal');
    expect(moved.failure).toMatch(/another file|no such file/);
    await expect(moved.next()).rejects.toThrow();
    moved.request();
    expect(moved.completed).toBe(0);
    await moved.close();
    await moved.close();
    expect(() => new Checkpointer(join(file, 'missing.sqlite'))).toThrow();
  });

  it('a process with nothing else to do still finishes closing its store (the thread is held until it ends)', async () => {
    const child = writer(freshFile(), 'close');
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stdout).toMatch(/checkpointed 1\n/);
    expect(stdout.endsWith('closed\n')).toBe(true);
    expect(code).toBe(0);
  }, 60_000);

  it('a writer killed while its thread checkpoints loses no acknowledged append', async () => {
    const file = freshFile();
    const child = writer(file);
    const acked = new Map<string, number>();
    let checkpoints = 0;
    let stderr = '';
    let buffer = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [what, a, b] = line.split(' ');
        if (what === 'acked') acked.set(a, Math.max(acked.get(a) ?? -1, Number(b)));
        if (what === 'checkpointed') checkpoints = Number(a);
      }
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Killed right after its second checkpoint was reported: a third may be under way.
    await until(() => checkpoints >= 2 || child.exitCode !== null, 'two checkpoints in the writer', 30_000);
    child.kill('SIGKILL');
    await exited;
    expect(stderr).toBe('');
    expect(checkpoints).toBeGreaterThanOrEqual(2);
    const store = new SqliteEventStore(file);
    for (const [stream, revision] of acked) {
      const events = await store.readStream(stream);
      expect(events.length).toBeGreaterThanOrEqual(revision + 1);
    }
    const total = [...acked.values()].reduce((sum, r) => sum + r + 1, 0);
    expect(total).toBeGreaterThan(1000);
    expect(await verifyStore((after) => store.readAll({ after, maxCount: 1000 }))).toMatchObject({
      breaks: [],
    });
    await store.close();
  }, 60_000);
});
