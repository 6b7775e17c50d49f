import Redis from 'ioredis';
import { DeadlineWorker } from '@app/deadlines';
import { MemoryEventStore } from '@app/eventsourcing';
import { SimulatedClock } from '@app/shared';
import { appendFact, eventsOf, redisUrl, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { eventually, removeQueueKeys } from './support/waiting';

const START = '2011-11-09T09:00:00.000Z';

const reportOpened = (reportId: string, dueDate: string) => ({
  reportId,
  grantId: `g-${reportId}`,
  programmeId: 'kkz',
  ags: '05978000',
  periodId: '2011',
  dueDate,
});

describe('queue hygiene', () => {
  const redis = new Redis(redisUrl(SHARED_QUEUE_DB));
  const prefixes: string[] = [];
  const workers: DeadlineWorker[] = [];

  function worker(store: MemoryEventStore, prefix: string, clock: SimulatedClock, processFirings = false) {
    const w = new DeadlineWorker({
      store,
      clock,
      redisUrl: redisUrl(SHARED_QUEUE_DB),
      queuePrefix: prefix,
      reconcileIntervalMs: 0,
      processFirings,
    });
    workers.push(w);
    return w;
  }
  const newPrefix = (label: string) => {
    const prefix = uniquePrefix(label);
    prefixes.push(prefix);
    return prefix;
  };

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(prefixes.map((p) => removeQueueKeys(SHARED_QUEUE_DB, p)));
    redis.disconnect();
  });

  it('reconciliation removes the delayed jobs of deadlines that are no longer open', async () => {
    const prefix = newPrefix('hygiene');
    const clock = new SimulatedClock({ start: START, speed: 1 });
    const store = new MemoryEventStore();
    for (const id of ['r1', 'r2', 'r3'])
      await appendFact(
        store,
        `esf-report-${id}`,
        'ReportPeriodOpened',
        reportOpened(id, '2011-12-15'),
        START,
      );
    const first = worker(store, prefix, clock);
    await first.start();
    const delayed = `${prefix}:deadlines:delayed`;
    expect(await redis.zcard(delayed)).toBe(3);
    await first.stop();

    // While no worker runs, one deadline is missed and one cancelled: their jobs are left behind.
    await appendFact(
      store,
      'deadline-esf-report-due.r1',
      'DeadlineMissed',
      { deadlineId: 'esf-report-due.r1', dueAt: '2011-12-15T23:00:00.000Z', missedAt: START },
      START,
    );
    await appendFact(
      store,
      'deadline-esf-report-due.r2',
      'DeadlineCancelled',
      { deadlineId: 'esf-report-due.r2', reason: 'Test', by: 'office', cancelledAt: START },
      START,
    );
    expect(await redis.zcard(delayed)).toBe(3);

    const second = worker(store, prefix, clock);
    await second.start();
    const left = await redis.zrange(delayed, 0, -1);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^deadline\|esf-report-due\.r3\|/);
    expect(second.renderMetrics()).toMatch(/^kkz_deadline_stale_jobs_removed_total 2$/m);

    // A second reconciliation finds nothing more to remove and keeps the one that is needed.
    const again = await second.reconcile();
    expect(again.removed).toBe(0);
    expect(await redis.zrange(delayed, 0, -1)).toEqual(left);
  });

  it('counts a firing whose moment passed while no worker ran as a catch-up, not as lateness', async () => {
    const prefix = newPrefix('catch-up');
    // The report was due on 1 November; the worker starts on 9 November.
    const clock = new SimulatedClock({ start: START, speed: 1 });
    const store = new MemoryEventStore();
    await appendFact(
      store,
      'esf-report-late',
      'ReportPeriodOpened',
      reportOpened('late', '2011-11-01'),
      START,
    );
    const w = worker(store, prefix, clock, true);
    await w.start();
    await eventually(
      async () => (await eventsOf(store)).some((e) => e.type === 'DeadlineMissed'),
      10_000,
      'the missed deadline to be recorded',
    );
    await eventually(
      () => /catch_up_firings_total\{firing="due"\} 1/.test(w.renderMetrics()),
      5000,
      'the count',
    );
    const metrics = w.renderMetrics();
    expect(metrics).toMatch(/^kkz_deadline_catch_up_firings_total\{firing="due"\} 1$/m);
    expect(metrics).toMatch(/^kkz_deadline_firings_total\{firing="due"\} 1$/m);
    expect(metrics).toMatch(/^kkz_deadline_firing_lateness_ms_count 0$/m);
    expect(metrics).toMatch(/^kkz_deadline_firing_lateness_ms_sum 0$/m);
  });
});
