import Redis from 'ioredis';
import { DeadlineWorker } from '@app/deadlines';
import { MemoryEventStore } from '@app/eventsourcing';
import { SimulatedClock, wallMsUntil } from '@app/shared';
import { appendFact, redisUrl, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { removeQueueKeys } from './support/waiting';

const START = '2011-11-09T09:00:00.000Z';
const REMINDER_14 = '2011-12-01T07:00:00.000Z';

const reportOpened = (reportId: string, dueDate: string) => ({
  reportId,
  grantId: `g-${reportId}`,
  programmeId: 'kkz',
  ags: '05978000',
  periodId: '2011',
  dueDate,
});

describe('reconciliation repairs what it finds, and nothing stops it', () => {
  const prefix = uniquePrefix('reconcile');
  const redis = new Redis(redisUrl(SHARED_QUEUE_DB));
  const key = (name: string) => `${prefix}:deadlines:${name}`;
  // Real time: nothing falls due by itself while the test runs.
  const clock = new SimulatedClock({ start: START, speed: 1 });
  const store = new MemoryEventStore();
  let worker: DeadlineWorker;
  const errors: string[] = [];

  /** The wall-clock moment BullMQ will hand a delayed job to a worker. */
  const queuedFor = async (jobId: string) =>
    Math.floor(Number(await redis.zscore(key('delayed'), jobId)) / 0x1000);

  beforeAll(async () => {
    for (const [id, due] of [
      ['r1', '2011-12-15'],
      ['r2', '2011-12-16'],
    ])
      await appendFact(store, `esf-report-${id}`, 'ReportPeriodOpened', reportOpened(id, due), START);
    // A deadline written with dates nobody can read: it cannot be scheduled, but must not hide the rest.
    await appendFact(
      store,
      'deadline-broken',
      'DeadlineOpened',
      {
        deadlineId: 'broken',
        kind: 'esf-report-due',
        subject: {},
        obligedAgs: ['05978000'],
        dueDate: 'garbage',
        lastDay: 'garbage',
        dueAt: 'garbage',
        fixed: false,
        reminderOffsetsDays: [7],
        cause: 'nothing',
        openedAt: START,
      },
      START,
    );
    worker = new DeadlineWorker({
      store,
      clock,
      redisUrl: redisUrl(SHARED_QUEUE_DB),
      queuePrefix: prefix,
      reconcileIntervalMs: 0,
      processFirings: false,
      log: { error: (message) => errors.push(message) },
    });
    await worker.start();
  });

  afterAll(async () => {
    await worker?.stop();
    await removeQueueKeys(SHARED_QUEUE_DB, prefix);
    redis.disconnect();
  });

  it('counts and logs an open deadline whose dates cannot be read, and schedules the others', async () => {
    expect(await redis.zcard(key('delayed'))).toBe(2);
    expect(errors).toContainEqual(expect.stringMatching(/deadline broken cannot be scheduled/));
    expect((await worker.health()).skippedDeadlines).toBeGreaterThanOrEqual(1);
    expect(worker.renderMetrics()).toMatch(/^kkz_deadline_unschedulable_total [1-9]\d*$/m);
  });

  it('sets the delay again of a job moved back with its wait from before a clock jump', async () => {
    const jobId = 'deadline|esf-report-due.r1|reminder-14|20111215T230000Z';
    const before = await queuedFor(jobId);
    const preJumpWait = wallMsUntil(clock, REMINDER_14);
    expect(Math.abs(before - (Date.now() + preJumpWait))).toBeLessThan(1000);

    // The jump recomputes every delay; then a job that had computed its wait just before it is
    // moved back to the delayed set with that stale wait.
    clock.set('2011-11-30T07:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const job = await worker.queue.queue.getJob(jobId);
    await job?.changeDelay(preJumpWait);
    expect((await queuedFor(jobId)) - Date.now()).toBeGreaterThan(20 * 86_400_000);

    await worker.reconcile();
    const expected = Date.now() + wallMsUntil(clock, REMINDER_14);
    expect(Math.abs((await queuedFor(jobId)) - expected)).toBeLessThan(1000);
    expect(worker.renderMetrics()).toMatch(/^kkz_deadline_delays_corrected_total 1$/m);
  });

  it('goes on when Redis refuses to retry a failed firing', async () => {
    // Both firings failed for good; then Redis refuses to put them back (a wrong key type).
    const ids = await redis.zrange(key('delayed'), 0, -1);
    for (const id of ids) {
      await redis.zrem(key('delayed'), id);
      await redis.zadd(key('failed'), Date.now(), id);
    }
    await redis.set(key('wait'), 'not a list');

    const result = await worker.reconcile();
    expect(result.retried).toBe(0);
    expect(errors.filter((e) => /could not retry firing/.test(e))).toHaveLength(2);
    expect(worker.renderMetrics()).toMatch(/^kkz_deadline_retry_failures_total 2$/m);
    await redis.del(key('wait'));
  });
});
