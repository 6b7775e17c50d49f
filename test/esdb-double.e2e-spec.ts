import { randomUUID } from 'node:crypto';
import { DeadlineWorker } from '@app/deadlines';
import { DoubleLog, DoubleNode } from '@app/eventsourcing/testing/esdb-double';
import { EsdbEventStore } from '@app/eventsourcing/adapters/esdb-event-store';
import { notificationIdFor } from '@app/notifications';
import { SimulatedClock } from '@app/shared';
import { appendFact, eventsOf } from './support/deadlines-harness';
import { KREIS_UNNA } from './support/fixtures';
import { appendDeadlineEvent, startNotificationsWorker } from './support/notifications';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { eventually, removeQueueKeys } from './support/waiting';

/** Queue tests share Redis database 5, each under its own prefix (see test/support/deadlines-harness.ts). */
const REDIS_URL = 'redis://127.0.0.1:6379/5';
const NOW = '2012-05-07T08:00:00.000Z';
const DUE_AT = '2012-05-14T22:00:00.000Z';

/**
 * The whole application on EventStoreDB through the official client, against the TEST DOUBLE of
 * the server (no server runs here), in the faults a deployment meets: a stuck server answers
 * 503 instead of hanging a command; after a dropped subscription or a server restart the read
 * models, the notification dispatcher and the deadline manager follow the store again and miss
 * nothing; an election between a command's reads and its append costs one retry, not a 500.
 */
describe('the application on EventStoreDB (test double) in faults', () => {
  console.log(
    'running against the EventStoreDB TEST DOUBLE (libs/eventsourcing/src/testing/esdb-double), not a real server',
  );
  const log = new DoubleLog();
  let leader: DoubleNode;
  let standby: DoubleNode;
  let api: TestApi;
  let office: Record<string, string>;
  const prefix = `kkz-test-esdb-double-${randomUUID().slice(0, 8)}`;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    leader = await DoubleNode.start({ log });
    standby = await DoubleNode.start({ log });
    standby.followerOf(leader);
    const store = new EsdbEventStore(leader.url, {
      readTimeoutMs: 2000,
      pingTimeoutMs: 1000,
      appendTimeoutMs: 5000,
    });
    api = await startTestApi({ now: NOW, store, env: { REDIS_URL, PROJECTION_WAIT_MS: '3000' } });
    office = bearer(await api.token('grants-office'));
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await api?.close();
    await leader?.stop();
    await standby?.stop();
    await removeQueueKeys(REDIS_URL, prefix);
  });

  const programmeIds = async () =>
    (
      (await api.http.get('/programmes').set(office).expect(200)).body as { items: { programmeId: string }[] }
    ).items.map((p) => p.programmeId);

  it('answers 503 store-unavailable when a read never answers, instead of hanging the command', async () => {
    leader.stallReads = true;
    try {
      const started = Date.now();
      const refused = await api.http
        .post('/programmes')
        .set(office)
        .send({ programmeId: 'stuck', title: 'Stuck' });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'store-unavailable', reason: 'timeout' });
      expect(refused.body.detail).toMatch(/nicht rechtzeitig geantwortet/);
      expect(Date.now() - started).toBeLessThan(10_000);

      const health = await api.http.get('/health').expect(503);
      expect(health.body.store).toMatchObject({ kind: 'esdb', status: 'down', reason: 'timeout' });
    } finally {
      leader.stallReads = false;
    }
    await api.http.post('/programmes').set(office).send({ programmeId: 'kkz', title: 'KKZ' }).expect(201);
    await eventually(async () => (await api.http.get('/health')).status === 200, 10_000, '/health to be 200');
  });

  it('keeps the read models, the dispatcher and the deadline manager following through a dropped subscription and a restart', async () => {
    const notifications = await startNotificationsWorker(api, prefix, {});
    closers.push(() => notifications.close());
    const clock = new SimulatedClock({ start: NOW, speed: 1 });
    const deadlines = new DeadlineWorker({
      store: api.store,
      clock,
      redisUrl: REDIS_URL,
      queuePrefix: prefix,
      reconcileIntervalMs: 0,
      processFirings: false,
      retryMs: { first: 100, max: 1000 },
    });
    closers.push(() => deadlines.stop());
    await deadlines.start();
    await eventually(() => leader.liveSubscriptions >= 3, 10_000, 'three live subscriptions');

    const toldInInbox = (id: string) =>
      eventually(
        async () => (await api.store.readStream(`notification-${id}`)).length > 0,
        15_000,
        `notification ${id}`,
      );
    const opened = (reportId: string) =>
      eventually(
        async () =>
          (await eventsOf(api.store)).some(
            (e) => e.type === 'DeadlineOpened' && e.streamId.endsWith(`.${reportId}`),
          ),
        15_000,
        `the deadline of report ${reportId}`,
      );
    const reportOpened = async (reportId: string) =>
      appendFact(
        api.store,
        `esf-report-${reportId}`,
        'ReportPeriodOpened',
        {
          reportId,
          grantId: `g-${reportId}`,
          programmeId: 'kkz',
          ags: '05978000',
          periodId: '2011',
          dueDate: '2012-12-15',
        },
        NOW,
      );

    for (const fault of ['drop', 'restart'] as const) {
      if (fault === 'drop') expect(leader.dropSubscriptions()).toBeGreaterThanOrEqual(3);
      else await leader.restart(300);

      const notification = await remind(api, `report-${fault}`);
      await reportOpened(`r-${fault}`);
      await api.http
        .post('/programmes')
        .set(office)
        .send({ programmeId: `after-${fault}`, title: fault })
        .expect(201);

      await toldInInbox(notification);
      await opened(`r-${fault}`);
      await eventually(
        async () => (await programmeIds()).includes(`after-${fault}`),
        15_000,
        `programme after ${fault}`,
      );
    }
    expect((await deadlines.health()).restarts).toBeGreaterThanOrEqual(2);
    const health = await eventually(
      async () => {
        const res = await api.http.get('/health');
        return res.status === 200 && res.body;
      },
      15_000,
      '/health 200',
    );
    expect(health.readModels.restarts).toBeGreaterThanOrEqual(2);
  });

  it('retries a command once when leadership moved between its reads and its append', async () => {
    leader.whenNextAppendArrives(() => {
      leader.followerOf(standby);
      standby.lead();
    });
    await api.http
      .post('/programmes')
      .set(office)
      .send({ programmeId: 'elected', title: 'After the election' })
      .expect(201);
    expect(leader.notLeaderRefusals).toBe(1);
    expect(log.stream('programme-elected')).toHaveLength(1);
    expect(await programmeIds()).toContain('elected');
  });
});

describe("an append over EventStoreDB's MaxAppendSize (test double)", () => {
  let node: DoubleNode;
  let api: TestApi;
  beforeAll(async () => {
    // A limit below any event of this application, so that every command meets it.
    node = await DoubleNode.start({ maxAppendSize: 256 });
    api = await startTestApi({ now: NOW, store: new EsdbEventStore(node.url), env: { REDIS_URL } });
  });
  afterAll(async () => {
    await api?.close();
    await node?.stop();
  });

  it('is refused with 413 event-too-large problem+json, in German or English, and nothing is stored', async () => {
    const office = bearer(await api.token('grants-office'));
    const res = await api.http.post('/programmes').set(office).send({ programmeId: 'big', title: 'Big' });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'event-too-large', maxBytes: 256 });
    expect(res.body.detail).toMatch(/zu groß/);
    const en = await api.http
      .post('/programmes')
      .set({ ...office, 'Accept-Language': 'en' })
      .send({ programmeId: 'big', title: 'Big' });
    expect(en.body.detail).toMatch(/too large for the event store/);
    expect(node.log.records.filter((r) => !r.streamId.startsWith('$'))).toEqual([]);
  });
});

/** A deadline of Kreis Unna and a reminder of it; returns the reminder's notification id. */
async function remind(api: TestApi, deadlineId: string): Promise<string> {
  await appendDeadlineEvent(api, deadlineId, 'DeadlineOpened', {
    kind: 'esf-report-due',
    subject: { reportId: deadlineId },
    obligedAgs: [KREIS_UNNA],
    dueDate: '2012-05-14',
    dueAt: DUE_AT,
    reminderOffsetsDays: [7],
  });
  const cause = await appendDeadlineEvent(api, deadlineId, 'DeadlineReminderIssued', {
    kind: 'esf-report-due',
    offsetDays: 7,
    dueAt: DUE_AT,
    obligedAgs: [KREIS_UNNA],
    issuedAt: NOW,
  });
  return notificationIdFor(cause, KREIS_UNNA);
}
