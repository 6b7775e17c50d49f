import { join } from 'node:path';
import { type ExpectedRevision, SqliteEventStore } from '@app/eventsourcing';
import { benchEvent } from './support/bench-event';
import type { Cleanup } from './support/cleanup';
import { elapsedMs, now } from './support/stopwatch';
import { makeTempDir } from './support/temp-dir';

/**
 * The floor under every command: how fast the SQLite adapter (WAL, synchronous=FULL, group
 * commit) makes single-event appends durable. Each append carries an exact expected revision,
 * as a command does, so the head lookup and hash chaining are part of the cost.
 */
export interface AppendBenchResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

/** Not counted: creates the schema, warms page cache and JIT, so the first fsyncs do not skew. */
const WARM_UP_APPENDS = 50;

/** Appends one event after another to one stream, each awaited, tracking the exact revision. */
async function appendInOrder(store: SqliteEventStore, streamId: string, count: number): Promise<void> {
  let expected: ExpectedRevision = 'no_stream';
  for (let i = 0; i < count; i++) {
    const result = await store.appendToStream(streamId, [benchEvent(streamId, i)], expected);
    expected = result.nextExpectedRevision;
  }
}

/** A fresh store in its own temp dir, warmed up; closed and removed by the cleanup. */
async function freshStore(label: string, cleanup: Cleanup): Promise<SqliteEventStore> {
  const store = new SqliteEventStore(join(makeTempDir(label, cleanup), 'events.sqlite'));
  cleanup.add(`close ${label} store`, () => store.close());
  await appendInOrder(store, 'warmup-0', WARM_UP_APPENDS);
  return store;
}

/**
 * One writer: every append waits for the previous one, so each pays a full commit (one fsync);
 * group commit cannot help. Round-robin over a few streams, so heads are looked up as in real use.
 */
export async function benchSequentialAppends(
  cleanup: Cleanup,
  { events = 3000, streams = 4 } = {},
): Promise<AppendBenchResult> {
  const store = await freshStore('sqlite-seq', cleanup);
  const expected = new Map<string, ExpectedRevision>();
  const start = now();
  for (let i = 0; i < events; i++) {
    const streamId = `bench-seq-${i % streams}`;
    const result = await store.appendToStream(
      streamId,
      [benchEvent(streamId, i)],
      expected.get(streamId) ?? 'no_stream',
    );
    expected.set(streamId, result.nextExpectedRevision);
  }
  const seconds = elapsedMs(start) / 1000;
  await store.close();
  return { events, seconds, eventsPerSecond: events / seconds };
}

/**
 * `writers` concurrent writers on distinct streams, each appending one event after another: the
 * same shape as 32 HTTP connections each running commands, so the ratio to HTTP is like for like.
 * Appends issued while a commit is pending share one transaction (group commit).
 */
export async function benchConcurrentAppends(
  cleanup: Cleanup,
  { writers = 32, eventsPerWriter = 300 } = {},
): Promise<AppendBenchResult> {
  const store = await freshStore(`sqlite-concurrent-${writers}`, cleanup);
  const start = now();
  await Promise.all(
    Array.from({ length: writers }, (_, w) => appendInOrder(store, `bench-writer-${w}`, eventsPerWriter)),
  );
  const seconds = elapsedMs(start) / 1000;
  await store.close();
  const events = writers * eventsPerWriter;
  return { events, seconds, eventsPerSecond: events / seconds };
}
