import { MemoryEventStore, type RecordedEvent } from '@app/eventsourcing';
import { DeadlineWorker } from '@app/deadlines';
import { SimulatedClock } from '@app/shared';
import {
  appendFact,
  callDrafted,
  countBy,
  eventsOf,
  redisUrl,
  SHARED_QUEUE_DB,
  uniquePrefix,
} from './support/deadlines-harness';
import { eventually, removeQueueKeys } from './support/waiting';

/**
 * Redis resolves the timeouts BullMQ waits on in steps of up to 100 ms (`hz 10`), and a loaded
 * machine adds more: a firing may be a few hundred ms late. A business day of 400–600 ms keeps
 * that well below the gaps that matter (the last reminder is 16 hours before 24:00), while
 * months still pass in seconds. Timelines start a good day and a half before the first firing,
 * so that a slow worker start delays nothing.
 */
const DAY_MS = 86_400_000;

const reminders = (events: RecordedEvent[], deadlineId: string) =>
  events
    .filter((e) => e.type === 'DeadlineReminderIssued' && e.streamId === `deadline-${deadlineId}`)
    .map((e) => (e.data as { offsetDays: number }).offsetDays);
const typesOf = (events: RecordedEvent[], deadlineId: string) =>
  events.filter((e) => e.streamId === `deadline-${deadlineId}`).map((e) => e.type);

describe('deadlines fire through real BullMQ on a simulated, accelerated clock', () => {
  let prefix: string;
  const workers: DeadlineWorker[] = [];
  const startWorker = (store: MemoryEventStore, clock: SimulatedClock, reconcileIntervalMs = 0) => {
    const worker = new DeadlineWorker({
      store,
      clock,
      redisUrl: redisUrl(SHARED_QUEUE_DB),
      queuePrefix: prefix,
      reconcileIntervalMs,
    });
    workers.push(worker);
    return worker;
  };

  beforeEach(() => {
    prefix = uniquePrefix('scheduler');
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await removeQueueKeys(SHARED_QUEUE_DB, prefix);
  });

  it('reminds, closes the call, records a fulfilment and escalates a miss: 17 days in 17 seconds', async () => {
    const store = new MemoryEventStore();
    // A simulated day in a second: the lateness allowed below (a day) is a second of wall-clock time, which
    // a full test run on two cores did exceed once at 600 ms a day (a reminder 787 ms late).
    const clock = new SimulatedClock({ start: '2011-11-16T12:00:00.000Z', speed: DAY_MS / 1000 });
    const at = clock.nowIso();
    await appendFact(
      store,
      'call-c1',
      'CallDrafted',
      callDrafted('c1', '2011-12-02', '2011-12-02T23:00:00.000Z'),
      at,
    );
    await appendFact(store, 'call-c1', 'CallPublished', { callId: 'c1', publishedAt: at }, at);
    // Kreis Unna drafts at once: the call's closing reminds it.
    await appendFact(
      store,
      'application-c1.05978000',
      'ExpressionOfInterestDrafted',
      { applicationId: 'c1.05978000', callId: 'c1', programmeId: 'kkz', applicant: { ags: '05978000' } },
      at,
    );
    // Due Saturday 26 Nov: § 193 BGB moves it to Monday 28 Nov.
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
        dueDate: '2011-11-26',
      },
      at,
    );
    await appendFact(
      store,
      'survey-s1',
      'SurveyCreated',
      {
        surveyId: 's1',
        evaluationId: 'e1',
        programmeId: 'kkz',
        questions: [],
        window: { opensOn: '2011-11-16', closesOn: '2011-11-25' },
        recipients: ['05315000', '05913000'],
      },
      at,
    );
    await startWorker(store, clock).start();

    await eventually(() => clock.now() >= new Date('2011-11-21T10:00:00.000Z'), 10_000, '21 Nov');
    await appendFact(
      store,
      'survey-answer-s1.05315000',
      'SurveyAnswerSubmitted',
      { surveyId: 's1', ags: '05315000', answers: [] },
      clock.nowIso(),
    );
    await eventually(
      async () => (await store.readStream('deadline-call-closes.c1')).some((e) => e.type === 'DeadlineMet'),
      25_000,
      'the call to close',
    );

    const events = await eventsOf(store);
    expect(reminders(events, 'call-closes.c1')).toEqual([14, 7, 1, 0]);
    expect(
      events
        .filter((e) => e.type === 'DeadlineReminderIssued' && e.streamId === 'deadline-call-closes.c1')
        .map((e) => (e.data as { obligedAgs: string[] }).obligedAgs),
    ).toEqual([['05978000'], ['05978000'], ['05978000'], ['05978000']]);
    expect(typesOf(events, 'call-closes.c1').slice(-1)).toEqual(['DeadlineMet']);
    const closed = (await store.readStream('call-c1')).filter((e) => e.type === 'CallClosed');
    expect(closed.map((e) => e.data)).toEqual([{ callId: 'c1', closedAt: '2011-12-02T23:00:00.000Z' }]);
    expect(
      events.find((e) => e.type === 'DeadlineMet' && e.streamId === 'deadline-call-closes.c1')?.data,
    ).toEqual({
      deadlineId: 'call-closes.c1',
      metAt: '2011-12-02T23:00:00.000Z',
      by: closed[0].metadata.eventId,
      elapsed: true,
    });

    // 14 days before 28 Nov lay before the report period was opened.
    expect(reminders(events, 'esf-report-due.g1.2011')).toEqual([7, 1, 0]);
    const missed = events.find(
      (e) => e.type === 'DeadlineMissed' && e.streamId === 'deadline-esf-report-due.g1.2011',
    );
    expect(missed?.data).toMatchObject({ dueAt: '2011-11-28T23:00:00.000Z', obligedAgs: ['05978000'] });
    expect(typesOf(events, 'esf-report-due.g1.2011').slice(-2)).toEqual([
      'DeadlineMissed',
      'DeadlineEscalated',
    ]);

    expect(reminders(events, 'survey-closes.s1.05315000')).toEqual([7]);
    expect(typesOf(events, 'survey-closes.s1.05315000').slice(-1)).toEqual(['DeadlineMet']);
    expect(reminders(events, 'survey-closes.s1.05913000')).toEqual([7, 1, 0]);
    expect(typesOf(events, 'survey-closes.s1.05913000').slice(-1)).toEqual(['DeadlineEscalated']);

    // Reminders go out at 08:00 Berlin time and are recorded at the simulated time they fired,
    // within a simulated day (a second of wall-clock time) of their moment.
    const issued = events
      .filter((e) => e.type === 'DeadlineReminderIssued')
      .map((e) => e.data as { remindAt: string; issuedAt: string });
    expect(issued[0].remindAt).toBe('2011-11-18T07:00:00.000Z');
    for (const r of issued) {
      expect(Date.parse(r.issuedAt)).toBeGreaterThanOrEqual(Date.parse(r.remindAt));
      expect(Date.parse(r.issuedAt) - Date.parse(r.remindAt)).toBeLessThan(DAY_MS);
    }
    const counts = await workers[0].queue.queue.getJobCounts('delayed', 'waiting', 'active', 'failed');
    expect(counts).toMatchObject({ delayed: 0, waiting: 0, active: 0, failed: 0 });
  }, 40_000);

  it('two workers running at once record every firing exactly once', async () => {
    const store = new MemoryEventStore();
    const clock = new SimulatedClock({ start: '2011-11-09T12:00:00.000Z', speed: DAY_MS / 400 });
    const at = clock.nowIso();
    // The programme reminds 7 and 2 days before: days apart, whatever the machine's load.
    await appendFact(
      store,
      'deadline-settings-kkz',
      'DeadlineSettingsChanged',
      {
        programmeId: 'kkz',
        reminderOffsetsDays: [7, 2],
        timeZone: 'Europe/Berlin',
        fixedDates: [],
        changedBy: 'office',
        changedAt: at,
      },
      at,
    );
    for (let i = 0; i < 20; i++) {
      await appendFact(
        store,
        `esf-report-g${i}.2011`,
        'ReportPeriodOpened',
        {
          reportId: `g${i}.2011`,
          grantId: `g${i}`,
          programmeId: 'kkz',
          ags: '05978000',
          periodId: '2011',
          dueDate: `2011-11-${18 + (i % 3)}`,
        },
        at,
      );
    }
    const a = startWorker(store, clock, 300);
    const b = startWorker(store, clock, 300);
    await Promise.all([a.start(), b.start()]);
    await eventually(
      async () => (await eventsOf(store)).filter((e) => e.type === 'DeadlineEscalated').length >= 20,
      15_000,
      'all 20 deadlines to be missed',
    );
    await Promise.all([a.reconcile(), b.reconcile()]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const events = await eventsOf(store);
    const perFiring = countBy(
      events.filter((e) => e.type !== 'DeadlineOpened'),
      (e) => `${e.streamId}|${e.type}|${(e.data as { offsetDays?: number }).offsetDays ?? ''}`,
    );
    expect([...perFiring.values()].every((n) => n === 1)).toBe(true);
    expect(events.filter((e) => e.type === 'DeadlineOpened')).toHaveLength(20);
    expect(events.filter((e) => e.type === 'DeadlineReminderIssued')).toHaveLength(40);
    expect(events.filter((e) => e.type === 'DeadlineMissed')).toHaveLength(20);
  }, 20_000);
});
