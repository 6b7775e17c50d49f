import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { createHmac, randomUUID } from 'node:crypto';
import { MemoryEventStore, type RecordedEvent } from '@app/eventsourcing';
import { NOTIFICATIONS_QUEUE, notificationIdFor } from '@app/notifications';
import { KREIS_UNNA, UNNA_MEMBERS } from './support/fixtures';
import {
  allowPrivateWebhooks,
  appendDeadlineEvent,
  decodeMail,
  startNotificationsWorker,
  startSmtpReceiver,
  startWebhookReceiver,
} from './support/notifications';
import { EsdbIdempotenceWitness } from './support/store-faults';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { eventually, removeQueueKeys } from './support/waiting';

const KAMEN = UNNA_MEMBERS[0];
/** Queue tests share Redis database 5, each under its own prefix (see test/support/deadlines-harness.ts). */
const REDIS_URL = 'redis://127.0.0.1:6379/5';
const DUE_AT = '2012-05-14T22:00:00.000Z';
const BACKOFF_MS = 200;

describe('notification delivery by the worker: inbox, e-mail over SMTP, signed webhooks (real Redis)', () => {
  let api: TestApi;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let worker: Awaited<ReturnType<typeof startNotificationsWorker>>;
  let unnaSecret: string;
  const prefix = `kkz-test-notify-${randomUUID()}`;
  let env: Record<string, string>;
  // Replays must not write twice on EventStoreDB either, which finds a repeat only at a stream's tail.
  const store = new EsdbIdempotenceWitness(new MemoryEventStore());

  const appendEvent = (deadlineId: string, type: string, data: object) =>
    appendDeadlineEvent(api, deadlineId, type, data);

  async function openDeadline(deadlineId: string, obligedAgs: string[]) {
    await appendEvent(deadlineId, 'DeadlineOpened', {
      kind: 'council-resolution-due',
      subject: { applicationId: 'kkz-2011.05978000', callId: 'kkz-2011' },
      obligedAgs,
      dueDate: '2012-05-12',
      dueAt: DUE_AT,
      fixed: false,
      reminderOffsetsDays: [7],
      cause: randomUUID(),
    });
  }

  const remind = (deadlineId: string, obligedAgs: string[]) =>
    appendEvent(deadlineId, 'DeadlineReminderIssued', {
      kind: 'council-resolution-due',
      offsetDays: 7,
      dueAt: DUE_AT,
      obligedAgs,
      issuedAt: '2012-05-07T08:00:00.000Z',
    });

  const stream = (notificationId: string) => api.store.readStream(`notification-${notificationId}`);
  const outcomes = (events: RecordedEvent[]) =>
    events.map((e) => {
      const d = e.data as { channel: string; attempt: number; willRetry?: boolean };
      return `${e.type}:${d.channel}:${d.attempt}${d.willRetry === undefined ? '' : `:${d.willRetry}`}`;
    });
  const delivered = (events: RecordedEvent[], channel: string) =>
    events.some(
      (e) => e.type === 'NotificationDelivered' && (e.data as { channel: string }).channel === channel,
    );

  beforeAll(async () => {
    allowPrivateWebhooks();
    api = await startTestApi({ now: '2012-05-07T08:00:00.000Z', env: { REDIS_URL }, store });
    smtp = await startSmtpReceiver();
    // Unna's receiver fails its first request; Kamen's fails every time.
    hooks = await startWebhookReceiver((path, n) => (path === '/unna' && n > 0 ? 204 : 500));
    const unna = bearer(await api.token('municipality', KREIS_UNNA));
    await api.http
      .put(`/municipalities/${KREIS_UNNA}/notification-settings`)
      .set(unna)
      .send({ email: 'fristen@kreis-unna.de', webhookUrl: `${hooks.url}/unna` })
      .expect(200);
    unnaSecret = (
      await api.http.get(`/municipalities/${KREIS_UNNA}/notification-settings`).set(unna).expect(200)
    ).body.webhookSecret;
    await api.http
      .put(`/municipalities/${KAMEN}/notification-settings`)
      .set(bearer(await api.token('municipality', KAMEN)))
      .send({ webhookUrl: `${hooks.url}/kamen`, webhookSecret: 'kamen-secret-0123456789' })
      .expect(200);
    env = { SMTP_URL: smtp.url, NOTIFICATION_ATTEMPTS: '3', NOTIFICATION_BACKOFF_MS: String(BACKOFF_MS) };
    worker = await startNotificationsWorker(api, prefix, env);
  });

  afterAll(async () => {
    await worker?.close();
    await removeQueueKeys(REDIS_URL, prefix);
    await Promise.all([smtp?.close(), hooks?.close()]);
    await api?.close();
  });

  it('delivers a reminder to the inbox, by e-mail and by signed webhook, retrying the webhook with backoff', async () => {
    await openDeadline('resolution-unna', [KREIS_UNNA]);
    const cause = await remind('resolution-unna', [KREIS_UNNA]);
    const id = notificationIdFor(cause, KREIS_UNNA);
    const events = await eventually(async () => {
      const e = await stream(id);
      return delivered(e, 'email') && delivered(e, 'webhook') && e;
    });
    expect(outcomes(events).sort()).toEqual(
      [
        'NotificationDelivered:inbox:1',
        'NotificationQueued:email:0',
        'NotificationQueued:webhook:0',
        'NotificationAttempted:email:1',
        'NotificationDelivered:email:1',
        'NotificationAttempted:webhook:1',
        'NotificationDeliveryFailed:webhook:1:true',
        'NotificationAttempted:webhook:2',
        'NotificationDelivered:webhook:2',
      ].sort(),
    );
    const webhookOutcomes = outcomes(events).filter(
      (o) => o.includes(':webhook:') && !o.startsWith('NotificationQueued'),
    );
    expect(webhookOutcomes).toEqual([
      'NotificationAttempted:webhook:1',
      'NotificationDeliveryFailed:webhook:1:true',
      'NotificationAttempted:webhook:2',
      'NotificationDelivered:webhook:2',
    ]);
    expect(events.every((e) => e.metadata.causationId === cause)).toBe(true);

    const mails = smtp.messages.filter((m) => m.to.includes('fristen@kreis-unna.de'));
    expect(mails).toHaveLength(1);
    const mail = decodeMail(mails[0].raw);
    expect(mail.subject).toBe(
      'Erinnerung: Ratsbeschluss zur Bewerbung kkz-2011.05978000 – Frist endet in 7 Tagen, am Montag, 14. Mai 2012',
    );
    expect(mail.text).toContain('am Montag, 14. Mai 2012 um 24:00 Uhr');
    expect(mail.text).toContain('Genannter Termin: Samstag, 12. Mai 2012');
    expect(mail.headers['message-id']).toContain(id);

    const calls = hooks.requests.filter((r) => r.path === '/unna');
    expect(calls.map((c) => c.status)).toEqual([500, 204]);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(BACKOFF_MS);
    for (const call of calls) {
      const expected = `sha256=${createHmac('sha256', unnaSecret).update(call.body).digest('hex')}`;
      expect(call.headers['x-kkz-signature']).toBe(expected);
      expect(call.headers['x-kkz-delivery']).toBe(id);
      expect(Number(call.headers['x-kkz-timestamp'])).toBeGreaterThan(Date.now() / 1000 - 60);
    }
    expect(JSON.parse(calls[1].body)).toMatchObject({
      id,
      type: 'deadline.reminder',
      ags: KREIS_UNNA,
      attempt: 2,
      offsetDays: 7,
      deadline: { deadlineId: 'resolution-unna', dueDate: '2012-05-14', dueAt: DUE_AT },
    });
  });

  it('records every failed attempt and gives up after the last one', async () => {
    await openDeadline('resolution-kamen', [KAMEN]);
    const id = notificationIdFor(await remind('resolution-kamen', [KAMEN]), KAMEN);
    const events = await eventually(async () => {
      const e = await stream(id);
      return (
        e.some(
          (x) => x.type === 'NotificationDeliveryFailed' && !(x.data as { willRetry: boolean }).willRetry,
        ) && e
      );
    });
    expect(outcomes(events).filter((o) => o.startsWith('NotificationDeliveryFailed'))).toEqual([
      'NotificationDeliveryFailed:webhook:1:true',
      'NotificationDeliveryFailed:webhook:2:true',
      'NotificationDeliveryFailed:webhook:3:false',
    ]);
    expect(delivered(events, 'webhook')).toBe(false);
    expect(hooks.requests.filter((r) => r.path === '/kamen')).toHaveLength(3);
    const signature = hooks.requests.find((r) => r.path === '/kamen')?.headers['x-kkz-signature'];
    const body = hooks.requests.find((r) => r.path === '/kamen')?.body ?? '';
    expect(signature).toBe(
      `sha256=${createHmac('sha256', 'kamen-secret-0123456789').update(body).digest('hex')}`,
    );
  });

  it('tells the grants office of an escalation in its inbox only', async () => {
    const cause = await appendEvent('resolution-unna', 'DeadlineEscalated', {
      to: 'grants-office',
      at: DUE_AT,
    });
    const id = notificationIdFor(cause, null);
    const events = await eventually(async () => {
      const e = await stream(id);
      return e.length > 0 && e;
    });
    expect(outcomes(events)).toEqual(['NotificationDelivered:inbox:1']);
    expect((events[0].data as { ags: string | null }).ags).toBeNull();
  });

  it('sends nothing twice when Redis is flushed and the dispatcher reads the store again from the start', async () => {
    const head = await api.store.headPosition();
    const sent = { mails: smtp.messages.length, hooks: hooks.requests.length };
    await worker.close();
    await removeQueueKeys(REDIS_URL, prefix);
    worker = await startNotificationsWorker(api, prefix, env);
    const dispatcher = worker.runtime.dispatcher;
    // Reconciliation compares the store with the queue: every delivery has ended, so it adds no job.
    await eventually(() => dispatcher && dispatcher.reconciliations > 0);
    expect(dispatcher?.lastReconciliation).toEqual({ dispatched: 0, requeued: 0 });
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(NOTIFICATIONS_QUEUE, { connection, prefix });
    try {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed');
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    } finally {
      await queue.close();
      await connection.quit();
    }
    expect(smtp.messages.length).toBe(sent.mails);
    expect(hooks.requests.length).toBe(sent.hooks);
    expect(await api.store.headPosition()).toBe(head);
    expect(store.duplicates).toEqual([]);
  });
});
