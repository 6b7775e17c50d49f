import type { INestApplication } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type EventStore, MemoryEventStore } from '@app/eventsourcing';
import { type Role, signDevToken } from '@app/identity';
import { FixedClock, loadConfig } from '@app/shared';
import { buildApi } from '../../apps/api/src/build-api';

export const DEV_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface TestApi {
  app: INestApplication;
  http: ReturnType<typeof request>;
  store: EventStore;
  clock: FixedClock;
  token(role: Role, ags?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real API (same middleware, guards, filters) on an in-memory store and a fixed clock. */
export async function startTestApi(
  options: { now?: string; store?: EventStore; env?: Record<string, string> } = {},
): Promise<TestApi> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    EVENT_STORE_URL: 'memory:',
    AUTH_DEV_SECRET: DEV_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-test-')),
    RATE_LIMIT_PER_MINUTE: '0',
    ...options.env,
  });
  const store = options.store ?? new MemoryEventStore();
  const clock = new FixedClock(options.now ?? '2011-11-09T09:00:00.000Z');
  const app = await buildApi({ config, store, clock });
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    store,
    clock,
    token: (role, ags) => signDevToken(DEV_SECRET, { role, ags }),
    close: () => app.close(),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
