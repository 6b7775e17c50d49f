import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DeadlinesWorkerModule, DeadlineWorker } from '@app/deadlines';
import { MemoryEventStore } from '@app/eventsourcing';
import {
  createRedis,
  EventSourcingModule,
  HealthController,
  loadConfig,
  REDIS,
  RedisLifecycle,
  SimulatedClock,
} from '@app/shared';
import { WorkerMetricsController } from '../apps/worker/src/worker-metrics.controller';
import { appendFact, eventsOf, redisUrl, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { FlakyStore } from './support/store-faults';
import { eventually, removeQueueKeys } from './support/waiting';
import { DEV_SECRET } from './support/test-api';

const START = '2011-11-09T09:00:00.000Z';

const reportOpened = (reportId: string, dueDate: string) => ({
  reportId,
  grantId: `g-${reportId}`,
  programmeId: 'kkz',
  ags: '05978000',
  periodId: '2011',
  dueDate,
});

/** Every test gets a fresh store wrapped so that its subscriptions can be broken. */
function flakyStore(): FlakyStore {
  return new FlakyStore(new MemoryEventStore());
}

describe('the deadline manager keeps following the store', () => {
  const prefixes: string[] = [];
  const workers: DeadlineWorker[] = [];
  const clock = new SimulatedClock({ start: START, speed: 1 });

  function worker(store: FlakyStore, retryMs = { first: 50, max: 200 }): DeadlineWorker {
    const prefix = uniquePrefix('manager');
    prefixes.push(prefix);
    const w = new DeadlineWorker({
      store,
      clock,
      redisUrl: redisUrl(SHARED_QUEUE_DB),
      queuePrefix: prefix,
      reconcileIntervalMs: 0,
      processFirings: false,
      retryMs,
    });
    workers.push(w);
    return w;
  }
  const opened = async (store: FlakyStore) =>
    (await eventsOf(store)).filter((e) => e.type === 'DeadlineOpened').map((e) => e.streamId);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(prefixes.map((p) => removeQueueKeys(SHARED_QUEUE_DB, p)));
  });

  it('skips an event it cannot read, reports it, and goes on with the next', async () => {
    const store = flakyStore();
    const before = await appendFact(store, 'survey-s0', 'SurveyCreated', { surveyId: 's0' }, START);
    const w = worker(store);
    await w.start();
    // A survey without recipients and a report due on no date: both throw in the derivation.
    await appendFact(store, 'survey-s1', 'SurveyCreated', { surveyId: 's1', programmeId: 'kkz' }, START);
    const garbage = await appendFact(
      store,
      'esf-report-r1',
      'ReportPeriodOpened',
      reportOpened('r1', 'garbage'),
      START,
    );
    await appendFact(store, 'esf-report-r2', 'ReportPeriodOpened', reportOpened('r2', '2011-12-15'), START);

    await eventually(async () => (await opened(store)).length === 1, 5000, 'the valid report to open');
    expect(await opened(store)).toEqual(['deadline-esf-report-due.r2']);
    const health = await w.health();
    expect(health).toMatchObject({
      status: 'up',
      state: 'following',
      skippedEvents: 3,
      lastSkippedEvent: { eventId: garbage, type: 'ReportPeriodOpened' },
    });
    expect(before).not.toBe(garbage);
    expect(w.renderMetrics()).toMatch(/^kkz_deadline_events_skipped_total 3$/m);
    expect(w.renderMetrics()).toMatch(/^kkz_deadline_manager_up 1$/m);
  });

  it('follows again from where it was when the subscription ends, and refuses waits meanwhile', async () => {
    const store = flakyStore();
    const w = worker(store, { first: 1500, max: 1500 });
    await w.start();
    store.dropNext = true;
    await appendFact(store, 'esf-report-r3', 'ReportPeriodOpened', reportOpened('r3', '2011-12-15'), START);

    await eventually(async () => (await w.health()).state === 'reconnecting', 2000, 'the manager to retry');
    const retrying = await w.health();
    expect(retrying).toMatchObject({ status: 'down', restarts: 1, lastError: { name: 'Error' }, behind: 1 });
    expect(w.renderMetrics()).toMatch(/^kkz_deadline_manager_up 0$/m);
    // A due firing waits for the manager: it must fail (and be retried), not go on blindly.
    await expect(w.manager.caughtUp()).rejects.toThrow(/not following the store/);

    await eventually(async () => (await opened(store)).length === 1, 5000, 'the report to open after all');
    await w.manager.caughtUp();
    expect(await w.health()).toMatchObject({ status: 'up', state: 'following', behind: 0, restarts: 1 });
  });

  it('fails to start when the store cannot be followed, and run() tries again until it can', async () => {
    const store = flakyStore();
    await appendFact(store, 'esf-report-r4', 'ReportPeriodOpened', reportOpened('r4', '2011-12-15'), START);
    store.dropNext = true;
    const first = worker(store);
    await expect(first.start()).rejects.toThrow(/not following the store/);

    const failing = flakyStore();
    failing.headFailures = 2;
    const second = worker(failing);
    const failures: unknown[] = [];
    await second.run((error) => failures.push(error));
    expect(failures).toHaveLength(2);
    expect((await second.health()).state).toBe('following');
  });
});

describe('/health and /metrics of the worker process show the deadline manager', () => {
  const prefix = uniquePrefix('manager-health');
  const store = flakyStore();
  let app: INestApplication;

  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      EVENT_STORE_URL: 'memory:',
      AUTH_DEV_SECRET: DEV_SECRET,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-manager-health-')),
      REDIS_URL: redisUrl(SHARED_QUEUE_DB),
      QUEUE_PREFIX: prefix,
    });
    // apps/worker's module, on a store whose subscription can be broken.
    @Module({
      imports: [
        EventSourcingModule.forRoot({ config, store, clock: new SimulatedClock({ start: START, speed: 1 }) }),
        DeadlinesWorkerModule.forRoot(config),
      ],
      controllers: [HealthController, WorkerMetricsController],
      providers: [{ provide: REDIS, useFactory: () => createRedis(config.redisUrl, 'test') }, RedisLifecycle],
    })
    class WorkerUnderTest {}
    app = await NestFactory.create(WorkerUnderTest, { logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await removeQueueKeys(SHARED_QUEUE_DB, prefix);
  });

  it('answers 503 while the manager cannot follow the store, and 200 once it follows again', async () => {
    const http = () => request(app.getHttpServer());
    await eventually(
      async () => (await http().get('/health')).body.deadlines?.state === 'following',
      5000,
      'the worker to run',
    );
    store.down = true;
    await appendFact(store, 'esf-report-r5', 'ReportPeriodOpened', reportOpened('r5', '2011-12-15'), START);
    const down = await eventually(
      async () => {
        const res = await http().get('/health');
        return res.status === 503 && res;
      },
      5000,
      '503',
    );
    expect(down.body.deadlines).toMatchObject({
      status: 'down',
      state: 'reconnecting',
      lastError: { name: 'Error' },
    });
    expect(JSON.stringify(down.body)).not.toContain('unreachable');
    expect((await http().get('/metrics')).text).toMatch(/^kkz_deadline_manager_up 0$/m);

    store.down = false;
    const up = await eventually(
      async () => {
        const res = await http().get('/health');
        return res.status === 200 && res.body.deadlines.behind === 0 && res;
      },
      10_000,
      '200 again',
    );
    expect(up.body.deadlines).toMatchObject({ status: 'up', state: 'following', behind: 0 });
    expect(up.body.deadlines.restarts).toBeGreaterThanOrEqual(1);
    expect((await eventsOf(store)).some((e) => e.streamId === 'deadline-esf-report-due.r5')).toBe(true);
  }, 20_000);
});
