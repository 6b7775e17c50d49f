import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { DEADLINE_QUEUE_NAME } from '@app/deadlines';
import { type EventStore, MemoryEventStore, type RecordedEvent } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { type Role, signDevToken } from '@app/identity';
import { type Clock, DEMO_REGISTRY_FILE, loadConfig } from '@app/shared';
import { type Api, buildApi, initApi } from '../../apps/api/src/build-api';
import { DEV_SECRET } from './test-api';

/** Kept here too for the tests that import it from the harness. */
export { removeQueueKeys } from './waiting';

/**
 * Redis databases of the deadline tests. Queue tests share database 5 and keep apart by a unique
 * queue prefix each, removing their keys afterwards; the flush test owns database 6 alone, so its
 * FLUSHDB cannot touch another test file running at the same time (nor anything in database 0).
 */
export const SHARED_QUEUE_DB = 5;
export const FLUSH_TEST_DB = 6;

export const redisUrl = (db: number) => `redis://127.0.0.1:6379/${db}`;

export const uniquePrefix = (label: string) => `kkz-test-${label}-${randomUUID().slice(0, 8)}`;

/** Appends another context's contract event, as that context would, at a business time. */
export async function appendFact(
  store: EventStore,
  streamId: string,
  type: string,
  data: unknown,
  occurredAt: string,
): Promise<string> {
  const event = newEvent(type, data, {
    occurredAt,
    actor: { subject: 'other-context', role: 'grants-office' },
  });
  await store.appendToStream(streamId, [event], 'any');
  return event.metadata.eventId;
}

export async function eventsOf(store: EventStore, prefix = 'deadline-'): Promise<RecordedEvent[]> {
  return (await store.readAll()).filter(
    (e) => e.streamId.startsWith(prefix) && !e.streamId.startsWith('deadline-settings-'),
  );
}

/** The 2011 call with a closing date of choice, as programmes-calls records it. */
export function callDrafted(callId: string, closingDate: string, closesAt: string) {
  return { callId, programmeId: 'kkz', title: `Call ${callId}`, closingDate, closesAt };
}

/** Counts events per key, to prove that nothing was recorded twice. */
export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export interface DeadlinesApi {
  app: Api;
  http: ReturnType<typeof request>;
  store: EventStore;
  token(role: Role, ags?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real API with the deadline worker inside (the embedded default), on a clock of the test's
 * choosing, its own queue prefix and the shared queue database.
 */
export async function startDeadlinesApi(options: {
  clock: Clock;
  queuePrefix: string;
  store?: EventStore;
  /** Further settings, e.g. DEADLINE_GROUP_FIRING. */
  env?: Record<string, string>;
}): Promise<DeadlinesApi> {
  const config = loadConfig({
    MUNICIPALITY_REGISTRY_FILE: DEMO_REGISTRY_FILE,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    EVENT_STORE_URL: 'memory:',
    AUTH_DEV_SECRET: DEV_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-deadlines-')),
    RATE_LIMIT_PER_MINUTE: '0',
    REDIS_URL: redisUrl(SHARED_QUEUE_DB),
    QUEUE_PREFIX: options.queuePrefix,
    RUN_WORKER_IN_API: 'true',
    ...options.env,
  });
  const store = options.store ?? new MemoryEventStore();
  const app = await buildApi({ config, store, clock: options.clock });
  await initApi(app);
  return {
    app,
    http: request(app.getHttpServer()),
    store,
    token: (role, ags) => signDevToken(DEV_SECRET, { role, ags }),
    close: () => app.close(),
  };
}

/** A look into a test's deadline queue from outside: the state of a job, the number waiting. */
export function inspectQueue(db: number, prefix: string) {
  const connection = new Redis(redisUrl(db), { maxRetriesPerRequest: null });
  const queue = new Queue(DEADLINE_QUEUE_NAME, { connection, prefix });
  return {
    queue,
    async job(id: string): Promise<string | undefined> {
      const found = await queue.getJob(id);
      return found ? found.getState() : undefined;
    },
    delayed: () => queue.getDelayedCount(),
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}
