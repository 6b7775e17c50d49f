import { DeadlineWorker } from '@app/deadlines';
import { MemoryEventStore } from '@app/eventsourcing';
import { SimulatedClock } from '@app/shared';
import { appendFact, eventsOf, redisUrl, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { eventually, removeQueueKeys } from './support/waiting';

describe('a simulated clock advanced by hand', () => {
  const prefix = uniquePrefix('clock-jump');
  let worker: DeadlineWorker;

  afterAll(async () => {
    await worker?.stop();
    await removeQueueKeys(SHARED_QUEUE_DB, prefix);
  });

  it('fires what fell due in the jump at once, only the freshest reminder, then the miss', async () => {
    const store = new MemoryEventStore();
    // Real-time speed: without the jumps, nothing would happen for weeks.
    const clock = new SimulatedClock({ start: '2011-11-09T09:00:00.000Z', speed: 1 });
    await appendFact(
      store,
      'esf-report-g1.2011',
      'ReportPeriodOpened',
      {
        reportId: 'g1.2011',
        grantId: 'g1',
        programmeId: 'kkz',
        ags: '05978000',
        periodId: '2011',
        dueDate: '2011-12-15',
      },
      clock.nowIso(),
    );
    worker = new DeadlineWorker({
      store,
      clock,
      redisUrl: redisUrl(SHARED_QUEUE_DB),
      queuePrefix: prefix,
      reconcileIntervalMs: 0,
    });
    await worker.start();
    const reminders = async () =>
      (await eventsOf(store))
        .filter((e) => e.type === 'DeadlineReminderIssued')
        .map((e) => (e.data as { offsetDays: number }).offsetDays);

    // Past the 14- and the 7-day reminder (1 and 8 Dec, 08:00 Berlin time).
    clock.set('2011-12-08T09:00:00.000Z');
    await eventually(async () => (await reminders()).length > 0, 5000, 'a reminder after the jump');
    expect(await reminders()).toEqual([7]);

    clock.set('2011-12-16T09:00:00.000Z');
    await eventually(
      async () => (await eventsOf(store)).some((e) => e.type === 'DeadlineMissed'),
      5000,
      'the miss after the second jump',
    );
    expect(await reminders()).toEqual([7]);
    expect((await eventsOf(store)).at(-1)?.type).toBe('DeadlineEscalated');
  });
});
