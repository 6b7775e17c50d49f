import type { INestApplication } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type EventStore, MemoryEventStore } from '@app/eventsourcing';
import { type Role, signDevToken } from '@app/identity';
import { CALL_2011, DEMO_REGISTRY_FILE, FixedClock, loadConfig, PROGRAMME_KKZ, TERMS_KKZ } from '@app/shared';
import { berlinDate } from '@app/programmes-calls/rules';
import { buildApi, initApi } from '../../apps/api/src/build-api';

export const DEV_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface TestApi {
  app: INestApplication;
  http: ReturnType<typeof request>;
  store: EventStore;
  clock: FixedClock;
  token(role: Role, ags?: string): Promise<string>;
  close(): Promise<void>;
}

/** The configuration of a test API: memory store, no log, no rate limit, a fresh data folder. */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    EVENT_STORE_URL: 'memory:',
    AUTH_DEV_SECRET: DEV_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-test-')),
    RATE_LIMIT_PER_MINUTE: '0',
    // The tests of the 2011 programme use the demo's cast; a test of another programme sets the official registry.
    MUNICIPALITY_REGISTRY_FILE: DEMO_REGISTRY_FILE,
    ...env,
  });
}

/** The real API (same middleware, guards, filters) on an in-memory store and a fixed clock. */
export async function startTestApi(
  options: { now?: string; store?: EventStore; env?: Record<string, string> } = {},
): Promise<TestApi> {
  const config = testConfig(options.env);
  const store = options.store ?? new MemoryEventStore();
  const clock = new FixedClock(options.now ?? '2011-11-09T09:00:00.000Z');
  const app = await buildApi({ config, store, clock });
  await initApi(app);
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

/**
 * The grants office sets up the programme, adopts its terms (version 1, effective the clock's
 * day: nothing is decided without terms in force) and publishes the 2011 call (seed 000).
 * `{ terms: false }` leaves the terms and the publication to the test (a call is published only
 * with terms in force on its opening day).
 */
/** The 2011 terms as version 1 of programme kkz, in force from the clock's day. */
export async function adoptTerms2011(
  api: Pick<TestApi, 'http'> & { clock: { now(): Date } },
  office: Record<string, string>,
): Promise<void> {
  // Terms take effect today at the earliest. On a clock that runs a business day in half a second
  // of wall time, today can end while the request is under way (seen on a loaded machine): the
  // refusal `rules-effective-in-past` then asks again with the day it has become.
  for (let attempt = 1; ; attempt++) {
    const effectiveFrom = berlinDate(api.clock.now().toISOString());
    const response = await api.http
      .post('/programmes/kkz/rules')
      .set(office)
      .send({ version: 1, effectiveFrom, rules: TERMS_KKZ });
    if (response.status === 201) return;
    const dayPassed = response.status === 422 && response.body?.code === 'rules-effective-in-past';
    if (!dayPassed || attempt === 5)
      throw new Error(`adopting the 2011 terms from ${effectiveFrom}: ${response.status} ${response.text}`);
  }
}

export async function publishCall2011(api: TestApi, options: { terms?: boolean } = {}): Promise<void> {
  const office = bearer(await api.token('grants-office'));
  await api.http.post('/programmes').set(office).send(PROGRAMME_KKZ).expect(201);
  if (options.terms !== false) await adoptTerms2011(api, office);
  await api.http.post('/programmes/kkz/calls').set(office).send(CALL_2011).expect(201);
  if (options.terms !== false) await api.http.post('/calls/kkz-2011/publish').set(office).expect(200);
}
