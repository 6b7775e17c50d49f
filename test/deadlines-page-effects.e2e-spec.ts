import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeadlineWorker } from '@app/deadlines';
import {
  type AppendResult,
  deterministicUuid,
  type ExpectedRevision,
  type NewEvent,
  SqliteEventStore,
} from '@app/eventsourcing';
import { SimulatedClock } from '@app/shared';
import {
  appendFact,
  callDrafted,
  countBy,
  eventsOf,
  inspectQueue,
  redisUrl,
  SHARED_QUEUE_DB,
  uniquePrefix,
} from './support/deadlines-harness';
import { FlakyStore, StoreWrapper } from './support/store-faults';
import { eventually, removeQueueKeys } from './support/waiting';

const START = '2011-11-09T09:00:00.000Z';
const CALL_DEADLINE = 'call-closes.c1';
const APPLICANTS = Array.from({ length: 40 }, (_, i) => `05978${String(100 + i)}`);

/** Counts the appends to each stream (the SQLite store underneath is real). */
class CountingStore extends StoreWrapper {
  readonly appends: string[] = [];
  override appendToStream(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.appends.push(streamId);
    return super.appendToStream(streamId, events, expected);
  }
}

/**
 * The deadline manager folds a page of events read from the store and then acts on it: forty
 * drafts for one call become forty obligations on the call's deadline in one append (one commit),
 * not forty. The drafts are written through a second connection to the file, as the API process
 * writes them beside the worker's, so that the worker sees them in one page.
 */
describe('the deadline manager acts on a page of events at once', () => {
  let dir: string;
  let prefix: string;
  const stores: SqliteEventStore[] = [];
  const workers: DeadlineWorker[] = [];
  const clock = new SimulatedClock({ start: START, speed: 1 });

  const open = (file: string, pollIntervalMs = 60_000) => {
    const store = new SqliteEventStore(file, { pollIntervalMs });
    stores.push(store);
    return store;
  };
  const startWorker = async (store: CountingStore | FlakyStore, retryMs?: { first: number; max: number }) => {
    const worker = new DeadlineWorker({
      store,
      clock,
      redisUrl: redisUrl(SHARED_QUEUE_DB),
      queuePrefix: prefix,
      reconcileIntervalMs: 0,
      processFirings: false,
      ...(retryMs ? { retryMs } : {}),
    });
    workers.push(worker);
    await worker.start();
    return worker;
  };
  /** The call published; its deadline opened by the worker. */
  const publishCall = async (writer: SqliteEventStore) => {
    await appendFact(
      writer,
      'call-c1',
      'CallDrafted',
      callDrafted('c1', '2011-12-15', '2011-12-15T23:00:00.000Z'),
      START,
    );
    await appendFact(writer, 'call-c1', 'CallPublished', { callId: 'c1', publishedAt: START }, START);
  };
  const draft = (writer: SqliteEventStore, ags: string) =>
    appendFact(
      writer,
      `application-c1.${ags}`,
      'ExpressionOfInterestDrafted',
      { applicationId: `c1.${ags}`, callId: 'c1', programmeId: 'kkz', applicant: { ags } },
      START,
    );
  const submit = (writer: SqliteEventStore, ags: string) =>
    appendFact(
      writer,
      `application-c1.${ags}`,
      'ExpressionOfInterestSubmitted',
      { applicationId: `c1.${ags}`, callId: 'c1', programmeId: 'kkz', submittedAt: START },
      START,
    );
  /** An event through the worker's own connection wakes its subscription, which then reads one page. */
  const wake = (store: SqliteEventStore) =>
    appendFact(store, 'note-wake', 'NoteTaken', { note: 'no deadline follows from this' }, START);
  /**
   * Waits until the worker has acted on everything in the store and its subscription waits again.
   * Its own appends wake it: writes that arrive while it still reads would be taken one page at a
   * time, as they come, rather than as the one page this test is about.
   */
  const idle = async (worker: DeadlineWorker, store: SqliteEventStore) => {
    await eventually(
      async () => (await worker.health()).position === (await store.headPosition()),
      10_000,
      'the worker caught up with the store',
    );
    // Its last read (empty) and the return to waiting run on before a timer fires.
    await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const deadlineEvents = async (store: SqliteEventStore) =>
    (await eventsOf(store)).filter((e) => e.streamId === `deadline-${CALL_DEADLINE}`);
  /** Waits until the call's deadline holds `count` events of the type. */
  const recorded = (store: SqliteEventStore, type: string, count: number) =>
    eventually(
      async () => (await deadlineEvents(store)).filter((e) => e.type === type).length === count,
      10_000,
      `${count} × ${type}`,
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'page-effects-'));
    prefix = uniquePrefix('page-effects');
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await removeQueueKeys(SHARED_QUEUE_DB, prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the obligations of a page of drafts in one append and their fulfilments in one more', async () => {
    const file = join(dir, 'events.sqlite');
    const writer = open(file);
    const own = open(file);
    const store = new CountingStore(own);
    await publishCall(writer);
    const worker = await startWorker(store);
    await eventually(async () => (await deadlineEvents(own)).length === 1, 5000, 'the call deadline opened');
    const queue = inspectQueue(SHARED_QUEUE_DB, prefix);
    try {
      // Nobody obliged yet: only the closing is queued.
      expect(await queue.job(`deadline|${CALL_DEADLINE}|reminder-14|20111215T230000Z`)).toBeUndefined();
      await idle(worker, own);
      store.appends.length = 0;

      for (const ags of APPLICANTS) await draft(writer, ags);
      await wake(own);
      await recorded(own, 'DeadlineObligationAdded', 40);
      expect(countBy(store.appends, (s) => s).get(`deadline-${CALL_DEADLINE}`)).toBe(1);
      // The queue follows the page as it did each event: the first addressee brings the reminders.
      await eventually(
        async () => (await queue.job(`deadline|${CALL_DEADLINE}|reminder-14|20111215T230000Z`)) === 'delayed',
        5000,
        'the first reminder queued',
      );

      await idle(worker, own);
      for (const ags of APPLICANTS) await submit(writer, ags);
      await wake(own);
      await recorded(own, 'DeadlineObligationMet', 40);
      expect(countBy(store.appends, (s) => s).get(`deadline-${CALL_DEADLINE}`)).toBe(2);

      // Each event is the one the obligation recorded alone would have been, in the order of the page.
      const events = await deadlineEvents(own);
      const added = events.filter((e) => e.type === 'DeadlineObligationAdded');
      expect(added.map((e) => (e.data as { ags: string }).ags)).toEqual(APPLICANTS);
      for (const e of added)
        expect(e.metadata.eventId).toBe(
          deterministicUuid(`${e.metadata.commandId}:deadline-${CALL_DEADLINE}:${e.revision}`),
        );
      expect(new Set(added.map((e) => e.metadata.causationId)).size).toBe(40);
    } finally {
      await queue.close();
    }
  });

  it('loses nothing and records nothing twice when the subscription drops in the middle of a page', async () => {
    const file = join(dir, 'events.sqlite');
    const writer = open(file);
    const own = open(file);
    const store = new FlakyStore(own);
    // The tenth event of the page ends the subscription: nine are folded, none acted on. The
    // follower starts again after the last event acted on; the nine are not folded twice, and
    // the whole page is acted on at its end.
    let handed: number | undefined;
    const inner = own.subscribeToAll.bind(own);
    own.subscribeToAll = (options, handler) =>
      inner(options, async (event, delivery) => {
        if (handed !== undefined && ++handed === 10) store.dropNext = true;
        await handler(event, delivery);
      });
    await publishCall(writer);
    const worker = await startWorker(store, { first: 20, max: 100 });
    await eventually(async () => (await deadlineEvents(own)).length === 1, 5000, 'the call deadline opened');

    const before = store.subscriptions;
    // The page begins with an event the derivation cannot read (a survey without recipients): it
    // is skipped and counted once; folded twice, it would count twice.
    await appendFact(writer, 'survey-s1', 'SurveyCreated', { surveyId: 's1', programmeId: 'kkz' }, START);
    for (const ags of APPLICANTS.slice(0, 20)) await draft(writer, ags);
    handed = 0;
    expect(store.subscriptions).toBe(before);
    await wake(own);
    await eventually(
      async () => store.subscriptions > before,
      10_000,
      'the subscription to drop and start again',
    );
    await recorded(own, 'DeadlineObligationAdded', 20);
    handed = undefined;
    for (const ags of APPLICANTS.slice(20)) await draft(writer, ags);
    await wake(own);
    await recorded(own, 'DeadlineObligationAdded', 40);
    expect((await worker.health()).skippedEvents).toBe(1);
    const events = await deadlineEvents(own);
    expect([...countBy(events, (e) => e.metadata.eventId).values()].every((n) => n === 1)).toBe(true);
    expect(countBy(events, (e) => `${e.type}|${(e.data as { ags?: string }).ags}`).size).toBe(41);
  });
});
