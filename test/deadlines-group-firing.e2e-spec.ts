import Redis from 'ioredis';
import {
  type DeadlineOpenedData,
  DeadlineWorker,
  type DeadlineWorkerOptions,
  firingJobId,
  instantJobId,
  windowOf,
} from '@app/deadlines';
import { MemoryEventStore } from '@app/eventsourcing';
import { SimulatedClock, wallMsUntil } from '@app/shared';
import { FIRING_JOB_OPTIONS } from '../libs/deadlines/src/worker/deadline-queue';
import {
  appendFact,
  countBy,
  eventsOf,
  redisUrl,
  SHARED_QUEUE_DB,
  uniquePrefix,
} from './support/deadlines-harness';
import { eventually, removeQueueKeys } from './support/waiting';

/** Deadlines opened as the manager opens them, due at an instant of the test's choosing, no reminders. */
async function openDeadline(store: MemoryEventStore, deadlineId: string, dueAt: string, openedAt: string) {
  const data: DeadlineOpenedData = {
    deadlineId,
    kind: 'esf-report-due',
    programmeId: 'kkz',
    subject: { reportId: deadlineId },
    obligedAgs: ['05978000'],
    dueDate: dueAt.slice(0, 10),
    lastDay: dueAt.slice(0, 10),
    dueAt,
    fixed: false,
    reminderOffsetsDays: [],
    cause: `cause-${deadlineId}`,
    openedAt,
  };
  await appendFact(store, `deadline-${deadlineId}`, 'DeadlineOpened', data, openedAt);
}

describe('group firing: one job per due instant', () => {
  const redis = new Redis(redisUrl(SHARED_QUEUE_DB));
  const prefixes: string[] = [];
  const workers: DeadlineWorker[] = [];

  function worker(
    store: MemoryEventStore,
    prefix: string,
    clock: SimulatedClock,
    options: { groupFirings: boolean; processFirings: boolean; hooks?: DeadlineWorkerOptions['hooks'] },
  ) {
    const w = new DeadlineWorker({
      store,
      clock,
      redisUrl: redisUrl(SHARED_QUEUE_DB),
      queuePrefix: prefix,
      reconcileIntervalMs: 0,
      ...options,
    });
    workers.push(w);
    return w;
  }
  const newPrefix = (label: string) => {
    const prefix = uniquePrefix(label);
    prefixes.push(prefix);
    return prefix;
  };
  const missedCounts = async (store: MemoryEventStore) =>
    countBy(
      (await eventsOf(store)).filter((e) => e.type === 'DeadlineMissed'),
      (e) => e.streamId,
    );

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(prefixes.map((p) => removeQueueKeys(SHARED_QUEUE_DB, p)));
    redis.disconnect();
  });

  it('queues one job per instant and fires every deadline due then exactly once, on time', async () => {
    const prefix = newPrefix('group');
    const start = new Date(Date.now() + 0).toISOString();
    const clock = new SimulatedClock({ start, speed: 1 });
    const store = new MemoryEventStore();
    const first = new Date(Date.parse(start) + 5000).toISOString();
    const second = new Date(Date.parse(start) + 6000).toISOString();
    for (let i = 0; i < 30; i++) await openDeadline(store, `g1-${i}`, first, start);
    for (let i = 0; i < 10; i++) await openDeadline(store, `g2-${i}`, second, start);
    // Business time at which each firing was recorded, against its moment: never before it.
    const early: number[] = [];
    const w = worker(store, prefix, clock, {
      groupFirings: true,
      processFirings: true,
      hooks: { afterFiring: (f) => early.push(Date.parse(f.fireAt) - clock.now().getTime()) },
    });
    await w.start();
    const delayed = await redis.zrange(`${prefix}:deadlines:delayed`, 0, -1);
    // One job per second of due moments, starting at its beginning.
    expect(delayed.sort()).toEqual(
      [first, second].map((at) => instantJobId(new Date(windowOf(Date.parse(at))).toISOString())).sort(),
    );

    await eventually(async () => (await missedCounts(store)).size === 40, 20_000, 'all 40 to be missed');
    // Retries and a second look change nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const counts = await missedCounts(store);
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const e of (await eventsOf(store)).filter((x) => x.type === 'DeadlineMissed'))
      expect(Date.parse(e.metadata.occurredAt)).toBeGreaterThanOrEqual(
        Date.parse(e.streamId.includes('g1-') ? first : second),
      );
    expect(w.renderMetrics()).toMatch(/^kkz_deadline_firings_total\{firing="due"\} 40$/m);
    expect(early).toHaveLength(40);
    expect(Math.max(...early)).toBeLessThanOrEqual(0);
    expect(await redis.zcard(`${prefix}:deadlines:delayed`)).toBe(0);
  }, 40_000);

  it('moves a queue of per-deadline jobs left by an earlier version over, and fires each deadline exactly once', async () => {
    const prefix = newPrefix('group-migrate');
    const start = new Date().toISOString();
    const clock = new SimulatedClock({ start, speed: 1 });
    const store = new MemoryEventStore();
    const due = new Date(Date.parse(start) + 8000).toISOString();
    const ids = Array.from({ length: 20 }, (_, i) => `m-${i}`);
    for (const id of ids) await openDeadline(store, id, due, start);
    // Today's main: one delayed job per deadline.
    const old = worker(store, prefix, clock, { groupFirings: false, processFirings: false });
    await old.start();
    const key = `${prefix}:deadlines:delayed`;
    const oldIds = ids.map((id) => firingJobId({ deadlineId: id, firing: 'due', dueAt: due }));
    expect((await redis.zrange(key, 0, -1)).sort()).toEqual([...oldIds].sort());
    await old.stop();

    const w = worker(store, prefix, clock, { groupFirings: true, processFirings: true });
    await w.start();
    const instant = instantJobId(new Date(windowOf(Date.parse(due))).toISOString());
    expect(await redis.zrange(key, 0, -1)).toEqual([instant]);
    expect(w.renderMetrics()).toMatch(/^kkz_deadline_stale_jobs_removed_total 20$/m);

    // An old worker still running somewhere queues its per-deadline jobs again for half of them:
    // both kinds of job fire, and still nothing is recorded twice.
    await w.queue.queue.addBulk(
      oldIds.slice(0, 10).map((jobId, i) => ({
        name: 'due',
        data: { deadlineId: ids[i], firing: 'due', dueAt: due, fireAt: due },
        opts: { ...FIRING_JOB_OPTIONS, jobId, delay: wallMsUntil(clock, due) },
      })),
    );
    expect(await redis.zcard(key)).toBe(11);

    await eventually(async () => (await missedCounts(store)).size === 20, 25_000, 'all 20 to be missed');
    await eventually(async () => (await redis.zcard(key)) === 0, 10_000, 'every job to have run');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const counts = await missedCounts(store);
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const escalated = countBy(
      (await eventsOf(store)).filter((e) => e.type === 'DeadlineEscalated'),
      (e) => e.streamId,
    );
    expect([...escalated.values()].every((n) => n === 1)).toBe(true);
  }, 50_000);
});
