import { DeadlineWorker } from '@app/deadlines';
import { MemoryEventStore } from '@app/eventsourcing';
import { FixedClock } from '@app/shared';
import { appendFact, redisUrl, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { eventually, removeQueueKeys } from './support/waiting';

const APPLICATION = 'kkz-2011.05978000';
const DUE = `council-resolution-due.${APPLICATION}.05978000`;
const decision = (extra: object) => ({
  applicationId: APPLICATION,
  callId: 'kkz-2011',
  programmeId: 'kkz',
  ags: '05978000',
  members: [],
  rules: { version: 0, effectiveFrom: null },
  ...extra,
});

describe('the deadline manager follows corrected selection decisions', () => {
  const prefix = uniquePrefix('selection-corrected');
  const store = new MemoryEventStore();
  const clock = new FixedClock('2012-03-01T09:00:00.000Z');
  const worker = new DeadlineWorker({
    store,
    clock,
    redisUrl: redisUrl(SHARED_QUEUE_DB),
    queuePrefix: prefix,
    reconcileIntervalMs: 0,
  });
  const typesOf = async (deadlineId: string) =>
    (await store.readStream(`deadline-${deadlineId}`)).map((e) => e.type);

  beforeAll(() => worker.start());
  afterAll(async () => {
    await worker.stop();
    await removeQueueKeys(SHARED_QUEUE_DB, prefix);
  });

  it('cancels the open resolution deadline when the selection is corrected away, and opens a new one when selected again', async () => {
    await appendFact(
      store,
      `selection-${APPLICATION}`,
      'SubmissionSelected',
      decision({ councilResolutionDue: { ags: ['05978000'], dueDate: '2012-05-10' } }),
      '2012-02-10T09:00:00.000Z',
    );
    await eventually(async () => (await typesOf(DUE)).length === 1, 5000, 'the deadline to open');

    const correction = await appendFact(
      store,
      `selection-${APPLICATION}`,
      'SelectionDecisionCorrected',
      decision({ outcome: 'waitlisted', corrects: 'selected', reasons: ['Punktzahl falsch addiert'] }),
      '2012-03-01T09:00:00.000Z',
    );
    await eventually(
      async () => (await typesOf(DUE)).includes('DeadlineCancelled'),
      5000,
      'the cancellation',
    );
    const cancelled = (await store.readStream(`deadline-${DUE}`)).at(-1);
    expect(cancelled?.data).toEqual({
      deadlineId: DUE,
      reason: 'Auswahlentscheidung korrigiert (selected → waitlisted): Punktzahl falsch addiert',
      by: 'deadline-manager',
      cancelledAt: '2012-03-01T09:00:00.000Z',
      cause: correction,
    });
    // Nothing of it stays queued.
    await eventually(
      async () => (await worker.queue.queue.getJobs(['delayed'])).every((j) => !j.id?.includes(DUE)),
      5000,
      'its jobs to be removed',
    );

    await appendFact(
      store,
      `selection-${APPLICATION}`,
      'SelectionDecisionCorrected',
      decision({
        outcome: 'selected',
        corrects: 'waitlisted',
        reasons: ['Nachrücker'],
        councilResolutionDue: { ags: ['05978000'], dueDate: '2012-06-11' },
      }),
      '2012-03-12T09:00:00.000Z',
    );
    await eventually(async () => (await typesOf(`${DUE}.round-2`)).length === 1, 5000, 'the new deadline');
    expect((await store.readStream(`deadline-${DUE}.round-2`))[0].data).toMatchObject({
      kind: 'council-resolution-due',
      obligedAgs: ['05978000'],
      dueDate: '2012-06-11',
      openedAt: '2012-03-12T09:00:00.000Z',
    });
    expect(await typesOf(DUE)).toEqual(['DeadlineOpened', 'DeadlineCancelled']);

    // A second manager replaying the store from the start records nothing more.
    const head = await store.headPosition();
    const replay = new DeadlineWorker({
      store,
      clock,
      redisUrl: redisUrl(SHARED_QUEUE_DB),
      queuePrefix: prefix,
      reconcileIntervalMs: 0,
      processFirings: false,
    });
    await replay.start();
    expect((await replay.reconcile()).effects).toBe(0);
    await replay.stop();
    expect(await store.headPosition()).toBe(head);
  });
});
