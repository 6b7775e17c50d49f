import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { DeadlineWorker } from '@app/deadlines';
import { SqliteEventStore } from '@app/eventsourcing';
import { SimulatedClock } from '@app/shared';
import {
  appendFact,
  countBy,
  eventsOf,
  FLUSH_TEST_DB,
  redisUrl,
  uniquePrefix,
} from './support/deadlines-harness';
import { eventually } from './support/waiting';

const DAY_MS = 86_400_000;
const START = '2011-11-04T12:00:00.000Z';
const DUE_DATES = [
  '2011-11-14',
  '2011-11-15',
  '2011-11-16',
  '2011-11-17',
  '2011-11-18',
  '2011-11-21',
  '2011-11-22',
  '2011-11-23',
];

/**
 * Redis is only a cache of the schedule. This file owns Redis database 6 and flushes it with
 * FLUSHDB; no other test uses that database, so test files running in parallel are unaffected.
 */
describe('a flushed Redis loses no deadline', () => {
  const prefix = uniquePrefix('flush');
  const redis = new Redis(redisUrl(FLUSH_TEST_DB));
  const stores: SqliteEventStore[] = [];
  const workers: DeadlineWorker[] = [];

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(stores.map((s) => s.close()));
    await redis.flushdb();
    redis.disconnect();
  });

  it('rebuilds the schedule from the store at restart: every deadline fires, no reminder twice', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kkz-flush-')), 'events.sqlite');
    const clock = new SimulatedClock({ start: START, speed: DAY_MS / 400 });
    const startWorker = async () => {
      const store = new SqliteEventStore(file, { pollIntervalMs: 50 });
      stores.push(store);
      const worker = new DeadlineWorker({
        store,
        clock,
        redisUrl: redisUrl(FLUSH_TEST_DB),
        queuePrefix: prefix,
        reconcileIntervalMs: 0,
      });
      workers.push(worker);
      await worker.start();
      return { store, worker };
    };

    const first = await startWorker();
    const at = clock.nowIso();
    await appendFact(
      first.store,
      'deadline-settings-kkz',
      'DeadlineSettingsChanged',
      {
        programmeId: 'kkz',
        reminderOffsetsDays: [7, 3],
        timeZone: 'Europe/Berlin',
        fixedDates: [],
        changedBy: 'o',
        changedAt: at,
      },
      at,
    );
    for (const [i, dueDate] of DUE_DATES.entries()) {
      await appendFact(
        first.store,
        `esf-report-g${i}.2011`,
        'ReportPeriodOpened',
        {
          reportId: `g${i}.2011`,
          grantId: `g${i}`,
          programmeId: 'kkz',
          ags: '05978000',
          periodId: '2011',
          dueDate,
        },
        at,
      );
    }
    await eventually(
      async () => (await first.worker.queue.queue.getDelayedCount()) === DUE_DATES.length,
      5000,
      'one queued firing per deadline',
    );

    // Some of the first reminders (7 and 8 Nov) have gone out when the worker stops and Redis is
    // flushed. It stops at the start of 9 Nov, 08:00 of 9 Nov being the next reminder: what falls
    // due from the moment it has stopped (read then, however long stopping took) is late.
    await eventually(() => clock.now() >= new Date('2011-11-09T00:00:00.000Z'), 5000, '9 Nov');
    await first.worker.stop();
    const stoppedAt = clock.nowIso();
    const before = (await eventsOf(first.store)).filter((e) => e.type === 'DeadlineReminderIssued').length;
    expect(before).toBeGreaterThan(0);
    await redis.flushdb();
    expect(await redis.dbsize()).toBe(0);

    // Down for two days: the reminders of 9 and 10 Nov fall due while nobody runs.
    await eventually(() => clock.now() >= new Date('2011-11-11T00:00:00.000Z'), 5000, '11 Nov');
    const second = await startWorker();
    expect(await second.worker.queue.queue.getDelayedCount()).toBeGreaterThan(0);
    await eventually(
      async () =>
        (await eventsOf(second.store)).filter((e) => e.type === 'DeadlineMissed').length === DUE_DATES.length,
      15_000,
      'every deadline to fall due',
    );

    const events = await eventsOf(second.store);
    const perFiring = countBy(
      events,
      (e) => `${e.streamId}|${e.type}|${(e.data as { offsetDays?: number }).offsetDays ?? ''}`,
    );
    expect([...perFiring.entries()].filter(([, n]) => n > 1)).toEqual([]);
    // Every rung of every ladder went out: those due during the outage late, at the restart.
    expect(events.filter((e) => e.type === 'DeadlineReminderIssued')).toHaveLength(2 * DUE_DATES.length);
    expect(events.filter((e) => e.type === 'DeadlineEscalated')).toHaveLength(DUE_DATES.length);
    const late = events
      .filter((e) => e.type === 'DeadlineReminderIssued')
      .map((e) => e.data as { remindAt: string; issuedAt: string })
      .filter((r) => r.remindAt > stoppedAt && r.remindAt < '2011-11-11T00:00:00.000Z');
    expect(late.length).toBeGreaterThan(0);
    for (const r of late) expect(r.issuedAt >= '2011-11-11T00:00:00.000Z').toBe(true);

    // Replaying the whole history from position 0 (a third start) asks for nothing more.
    const head = await second.store.headPosition();
    await second.worker.stop();
    const third = await startWorker();
    await third.worker.reconcile();
    expect(await third.store.headPosition()).toBe(head);
  }, 20_000);
});
