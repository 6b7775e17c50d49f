import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DeadlinesWorkerModule } from '@app/deadlines';
import { MemoryEventStore } from '@app/eventsourcing';
import { NotificationsWorkerModule } from '@app/notifications';
import {
  createRedis,
  EventSourcingModule,
  FollowerWatch,
  HealthController,
  loadConfig,
  REDIS,
  RedisLifecycle,
  SimulatedClock,
} from '@app/shared';
import { appendFact, eventsOf, redisUrl, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { OwnRedis } from './support/own-redis';
import { DEV_SECRET } from './support/test-api';
import { eventually, removeQueueKeys } from './support/waiting';

const START = '2011-11-09T09:00:00.000Z';
/** Within this helper's port range (3100–3199). */
const OWN_REDIS_PORT = 3151;

const reportOpened = (reportId: string) => ({
  reportId,
  grantId: `g-${reportId}`,
  programmeId: 'kkz',
  ags: '05978000',
  periodId: '2011',
  dueDate: '2011-12-15',
});

describe('FollowerWatch judges a follower against the store head', () => {
  it('calls one that stands still behind the head stalled, one far behind lagging, one at the head up', () => {
    const watch = new FollowerWatch({ maxBehind: 10, stallMs: 1000 });
    expect(watch.judge({ state: 'following', position: 5, head: 5, now: 0 })).toMatchObject({
      status: 'up',
      state: 'following',
      behind: 0,
    });
    // Behind, but it just got there: not yet stalled.
    expect(watch.judge({ state: 'following', position: 5, head: 8, now: 500 })).toMatchObject({
      status: 'up',
      behind: 3,
    });
    expect(watch.judge({ state: 'following', position: 5, head: 8, now: 1600 })).toMatchObject({
      status: 'down',
      state: 'stalled',
      behind: 3,
    });
    // Moving again, but more than allowed behind.
    expect(watch.judge({ state: 'following', position: 6, head: 40, now: 1700 })).toMatchObject({
      status: 'down',
      state: 'lagging',
      behind: 34,
    });
    // One event in hand for longer than allowed: stalled at the first look.
    const fresh = new FollowerWatch({ maxBehind: 10, stallMs: 1000 });
    expect(fresh.judge({ state: 'following', position: 1, head: 2, busySince: 0, now: 1500 })).toMatchObject({
      state: 'stalled',
      stalledSince: new Date(0).toISOString(),
    });
    expect(fresh.judge({ state: 'reconnecting', position: 1, head: 1, now: 1600 }).status).toBe('down');
  });
});

describe('/health tells the truth about the followers while their Redis is away', () => {
  const prefix = uniquePrefix('health-followers');
  const store = new MemoryEventStore();
  const ownRedis = new OwnRedis(OWN_REDIS_PORT);
  let app: INestApplication;

  beforeAll(async () => {
    await ownRedis.start();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      EVENT_STORE_URL: 'memory:',
      AUTH_DEV_SECRET: DEV_SECRET,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-health-followers-')),
      // The followers' queues on a Redis of this test's own, which it takes away below.
      REDIS_URL: ownRedis.url,
      QUEUE_PREFIX: prefix,
      HEALTH_STALL_S: '1',
      HEALTH_MAX_BEHIND_EVENTS: '1000',
    });
    @Module({
      imports: [
        EventSourcingModule.forRoot({ config, store, clock: new SimulatedClock({ start: START, speed: 1 }) }),
        DeadlinesWorkerModule.forRoot(config),
        NotificationsWorkerModule.forRoot({ queuePrefix: prefix, env: { NODE_ENV: 'test' } }),
      ],
      controllers: [HealthController],
      // /health's own Redis probe asks the shared Redis, which stays up: only the followers lose theirs.
      providers: [
        { provide: REDIS, useFactory: () => createRedis(redisUrl(SHARED_QUEUE_DB), 'test') },
        RedisLifecycle,
      ],
    })
    class WorkerUnderTest {}
    app = await NestFactory.create(WorkerUnderTest, { logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await ownRedis.kill();
  }, 60_000);

  it('shows both followers with state, position and distance to the head', async () => {
    const http = () => request(app.getHttpServer());
    const res = await eventually(
      async () => {
        const r = await http().get('/health');
        return r.status === 200 && r.body.notifications?.state === 'following' && r;
      },
      10_000,
      'both followers to follow',
    );
    expect(res.body.deadlines).toMatchObject({ status: 'up', state: 'following', behind: 0, queue: 'up' });
    expect(res.body.notifications).toMatchObject({
      status: 'up',
      state: 'following',
      behind: 0,
      queue: 'up',
    });
    const ready = await http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.deadlines).toMatchObject({ status: 'up', state: 'following' });
  });

  it('answers 503 with the manager stalled and behind while Redis is down, and 200 once it is back', async () => {
    const http = () => request(app.getHttpServer());
    await eventually(
      async () => (await http().get('/health')).body.deadlines?.state === 'following',
      10_000,
      'the manager to follow',
    );
    await ownRedis.kill();
    // 38 reports whose deadlines the manager must schedule: it cannot while Redis is away.
    for (let i = 0; i < 38; i++)
      await appendFact(store, `esf-report-h${i}`, 'ReportPeriodOpened', reportOpened(`h${i}`), START);

    const down = await eventually(
      async () => {
        const r = await http().get('/health');
        return r.status === 503 && r.body.deadlines?.state === 'stalled' && r;
      },
      10_000,
      '/health to call the manager stalled',
    );
    expect(down.body).toMatchObject({ status: 'degraded', redis: { status: 'up' } });
    expect(down.body.deadlines).toMatchObject({ status: 'down', state: 'stalled', queue: 'down' });
    expect(down.body.deadlines.behind).toBeGreaterThanOrEqual(37);
    expect(down.body.deadlines.stalledSince).toEqual(expect.any(String));
    const ready = await http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.deadlines).toMatchObject({ status: 'down', state: 'stalled' });

    await ownRedis.start();
    const up = await eventually(
      async () => {
        const r = await http().get('/health');
        return r.status === 200 && r.body.deadlines?.behind === 0 && r;
      },
      30_000,
      '/health to answer 200 again',
    );
    expect(up.body.deadlines).toMatchObject({ status: 'up', state: 'following', queue: 'up' });
    const opened = (await eventsOf(store)).filter((e) => e.type === 'DeadlineOpened');
    expect(opened).toHaveLength(38);
    const readyAgain = await http().get('/health/ready');
    // (This worker-only module registers no read models, so readiness as a whole is not asked here.)
    expect(readyAgain.body.deadlines).toMatchObject({ status: 'up', state: 'following', behind: 0 });
    expect(readyAgain.body.notifications).toMatchObject({ status: 'up', state: 'following' });
  }, 60_000);

  afterAll(async () => {
    // The restarted server starts empty; nothing of this test is left in the shared Redis.
    await removeQueueKeys(SHARED_QUEUE_DB, prefix);
  });
});
