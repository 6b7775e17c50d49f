import { randomUUID } from 'node:crypto';
import { type EventStore, MemoryEventStore } from '@app/eventsourcing';
import { notificationIdFor } from '@app/notifications';
import { KREIS_UNNA } from './support/fixtures';
import { appendDeadlineEvent, startNotificationsWorker } from './support/notifications';
import { startTestApi, type TestApi } from './support/test-api';
import { eventually, removeQueueKeys } from './support/waiting';

/** Queue tests share Redis database 5, each under its own prefix (see test/support/deadlines-harness.ts). */
const REDIS_URL = 'redis://127.0.0.1:6379/5';
const DUE_AT = '2012-05-14T22:00:00.000Z';

/**
 * Redis outlives a store that is restored from a backup or wiped. The dispatcher once kept a
 * checkpoint there; it now reads the store from the start at every start, so whatever Redis still
 * holds from another store (or from before the restore) can skip nothing.
 */
describe('the notification dispatcher follows the store, whatever Redis kept of another one', () => {
  const prefix = `kkz-test-checkpoint-${randomUUID()}`;
  const apis: TestApi[] = [];
  const workers: { close(): Promise<void> }[] = [];

  async function api(store: EventStore = new MemoryEventStore()): Promise<TestApi> {
    const started = await startTestApi({ now: '2012-05-07T08:00:00.000Z', env: { REDIS_URL }, store });
    apis.push(started);
    return started;
  }
  async function worker(on: TestApi) {
    const started = await startNotificationsWorker(on, prefix, {});
    workers.push(started);
    return started;
  }
  /** A deadline of Kreis Unna and a reminder of it; returns the reminder's notification id. */
  async function remind(on: TestApi, deadlineId: string): Promise<string> {
    await appendDeadlineEvent(on, deadlineId, 'DeadlineOpened', {
      kind: 'esf-report-due',
      subject: { reportId: deadlineId },
      obligedAgs: [KREIS_UNNA],
      dueDate: '2012-05-14',
      dueAt: DUE_AT,
      reminderOffsetsDays: [7],
    });
    const cause = await appendDeadlineEvent(on, deadlineId, 'DeadlineReminderIssued', {
      kind: 'esf-report-due',
      offsetDays: 7,
      dueAt: DUE_AT,
      obligedAgs: [KREIS_UNNA],
      issuedAt: '2012-05-07T08:00:00.000Z',
    });
    return notificationIdFor(cause, KREIS_UNNA);
  }
  const toldInInbox = (on: TestApi, notificationId: string) =>
    eventually(
      async () => (await on.store.readStream(`notification-${notificationId}`)).length > 0,
      5000,
      `notification ${notificationId}`,
    );

  /** The first store: reminders dispatched (Redis keeps the first worker's keys), then it is gone. */
  async function firstStore(): Promise<EventStore> {
    const first = await api();
    const dispatcher = await worker(first);
    for (const n of [1, 2, 3]) await toldInInbox(first, await remind(first, `report-${n}`));
    workers.splice(workers.indexOf(dispatcher), 1);
    await dispatcher.close();
    return first.store;
  }

  afterAll(async () => {
    for (const w of workers) await w.close();
    for (const a of apis) await a.close();
    await removeQueueKeys(REDIS_URL, prefix);
  });

  it('dispatches what a wiped store holds while Redis kept the keys of the first', async () => {
    await firstStore();
    const wiped = await api();
    const id = await remind(wiped, 'report-after-wipe');
    await worker(wiped);
    await toldInInbox(wiped, id);
  });

  it('dispatches what a store restored from a backup holds (shorter than the first was)', async () => {
    const before = await firstStore();
    // The backup holds the first deadline only; a reminder is recorded after the restore.
    const restored = new MemoryEventStore();
    for (const e of (await before.readAll()).slice(0, 2))
      await restored.appendToStream(
        e.streamId,
        [{ type: e.type, data: e.data, metadata: e.metadata }],
        'any',
      );
    const after = await api(restored);
    const id = await remind(after, 'report-after-restore');
    expect(await restored.headPosition()).toBeLessThan(await before.headPosition());
    await worker(after);
    await toldInInbox(after, id);
  });

  it("dispatches what a restored store holds after growing past the first one's head", async () => {
    const before = await firstStore();
    const restored = new MemoryEventStore();
    for (const e of (await before.readAll()).slice(0, 2))
      await restored.appendToStream(
        e.streamId,
        [{ type: e.type, data: e.data, metadata: e.metadata }],
        'any',
      );
    const after = await api(restored);
    const ids = [];
    for (const n of [4, 5, 6, 7]) ids.push(await remind(after, `report-${n}`));
    expect(await restored.headPosition()).toBeGreaterThan(await before.headPosition());
    await worker(after);
    for (const id of ids) await toldInInbox(after, id);
  });
});
