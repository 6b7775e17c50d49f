import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, SqliteEventStore } from '@app/eventsourcing';
import { notificationIdFor } from '@app/notifications';
import { redisUrl, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { KREIS_UNNA } from './support/fixtures';
import {
  allowPrivateWebhooks,
  appendDeadlineEvent,
  decodeMail,
  startNotificationsWorker,
  startSmtpReceiver,
  startWebhookReceiver,
} from './support/notifications';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { eventually, removeQueueKeys } from './support/waiting';

const root = join(__dirname, '..');
const REDIS_URL = redisUrl(SHARED_QUEUE_DB);
const SECRET_KEY = 'killed-worker-test-key-0123456789abcdef';
const DUE_AT = '2012-05-14T22:00:00.000Z';
/** "Within seconds": BullMQ alone hands a killed worker's job on after 30 to 90 s. */
const TAKE_UP_WITHIN_MS = 10_000;

type Receivers = {
  smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
};

/** Starts the worker process; resolves once it runs. */
async function startChild(args: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(root, 'test/support/register-ts.js'),
      join(root, 'test/support/notifications-worker.child.ts'),
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
    child.on('exit', (code, signal) => reject(new Error(`the worker exited (${code ?? signal}): ${stderr}`)));
  });
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * A worker in its own process is stopped in the middle of sending, by a receiver that takes the
 * message and never answers, and killed there with SIGKILL: the message may have arrived, the
 * store has the attempt and no outcome, and BullMQ has the job active under the dead worker's lock.
 */
describe('a delivery worker killed with SIGKILL between sending and recording', () => {
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(() => {
    allowPrivateWebhooks();
    // The API seals the webhook secret with it; both workers open it with the same key.
    process.env.NOTIFICATIONS_SECRET_KEY = SECRET_KEY;
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  /** The store file, the API on it, the receivers and the channels of Kreis Unna. */
  async function world(channel: 'email' | 'webhook') {
    const dir = mkdtempSync(join(tmpdir(), 'kkz-killed-delivery-'));
    const file = join(dir, 'events.sqlite');
    const prefix = uniquePrefix(`killed-${channel}`);
    cleanups.push(() => removeQueueKeys(REDIS_URL, prefix));
    const receivers: Receivers = {
      // The first message of each is taken and never answered; the rest are taken at once.
      smtp: await startSmtpReceiver({ hold: (n) => n === 0 }),
      hooks: await startWebhookReceiver((_path, n) => (n === 0 ? 0 : 204)),
    };
    cleanups.push(
      () => receivers.smtp.close(),
      () => receivers.hooks.close(),
    );
    const api: TestApi = await startTestApi({
      now: '2012-05-07T08:00:00.000Z',
      env: { REDIS_URL },
      store: new SqliteEventStore(file, { pollIntervalMs: 50 }),
    });
    cleanups.push(() => api.close());
    await api.http
      .put(`/municipalities/${KREIS_UNNA}/notification-settings`)
      .set(bearer(await api.token('municipality', KREIS_UNNA)))
      .send(
        channel === 'email'
          ? { email: 'fristen@kreis-unna.de' }
          : { webhookUrl: `${receivers.hooks.url}/unna`, webhookSecret: 'unna-secret-0123456789' },
      )
      .expect(200);
    const env = {
      NOTIFICATIONS_SECRET_KEY: SECRET_KEY,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      SMTP_URL: receivers.smtp.url,
      // The held message must outlast the kill: no time limit of the sender ends it first.
      WEBHOOK_TIMEOUT_MS: '60000',
      NOTIFICATION_ATTEMPTS: '3',
      NOTIFICATION_BACKOFF_MS: '200',
    };
    const child = await startChild([file, REDIS_URL, prefix, dir, JSON.stringify(env)]);
    cleanups.push(() => kill(child));

    await appendDeadlineEvent(api, 'report-unna', 'DeadlineOpened', {
      kind: 'esf-report-due',
      subject: { reportId: 'report-unna' },
      obligedAgs: [KREIS_UNNA],
      dueDate: '2012-05-14',
      dueAt: DUE_AT,
      reminderOffsetsDays: [7],
    });
    const cause = await appendDeadlineEvent(api, 'report-unna', 'DeadlineReminderIssued', {
      kind: 'esf-report-due',
      offsetDays: 7,
      dueAt: DUE_AT,
      obligedAgs: [KREIS_UNNA],
      issuedAt: '2012-05-07T08:00:00.000Z',
    });
    const id = notificationIdFor(cause, KREIS_UNNA);
    const sent = () =>
      channel === 'email' ? receivers.smtp.messages.length : receivers.hooks.requests.length;
    await eventually(() => sent() === 1, 20_000, 'the first attempt to reach the receiver');

    /** Kills the worker process where it waits; another starts at once and takes over. */
    const killAndRestart = async () => {
      await kill(child);
      const killedAt = Date.now();
      const survivor = await startNotificationsWorker(api, prefix, env);
      cleanups.push(() => survivor.close());
      return killedAt;
    };
    const stream = () => api.store.readStream(`notification-${id}`);
    const outcomes = async () =>
      (await stream())
        .filter((e: RecordedEvent) => (e.data as { channel: string }).channel === channel)
        .map((e) => `${e.type}:${(e.data as { attempt: number }).attempt}`);
    return { api, receivers, id, killAndRestart, stream, outcomes };
  }

  it('a restarted worker takes up the webhook within seconds; the receiver gets it again under the same X-KKZ-Delivery, and the record says the first attempt may have arrived', async () => {
    const { receivers, id, killAndRestart, outcomes } = await world('webhook');
    const killedAt = await killAndRestart();
    await eventually(() => receivers.hooks.requests.length === 2, 20_000, 'the webhook to be sent again');
    const tookUpMs = receivers.hooks.requests[1].at - killedAt;
    process.stdout.write(`webhook of a killed worker taken up after ${tookUpMs} ms\n`);
    expect(tookUpMs).toBeLessThan(TAKE_UP_WITHIN_MS);

    await eventually(
      async () => (await outcomes()).includes('NotificationDelivered:2'),
      10_000,
      'the delivery',
    );
    expect(await outcomes()).toEqual([
      'NotificationQueued:0',
      'NotificationAttempted:1',
      'NotificationOutcomeUnknown:1',
      'NotificationAttempted:2',
      'NotificationDelivered:2',
    ]);
    const hits = receivers.hooks.requests;
    expect(hits.map((h) => h.headers['x-kkz-delivery'])).toEqual([id, id]);
    // Counted by its delivery id, the receiver took the notification once (the first was never answered).
    expect(
      new Set(hits.filter((h) => h.status >= 200 && h.status < 300).map((h) => h.headers['x-kkz-delivery']))
        .size,
    ).toBe(1);
  }, 60_000);

  it('an e-mail whose sender was killed before the server answered is sent again with the same Message-ID, and recorded as such', async () => {
    const { receivers, id, killAndRestart, outcomes } = await world('email');
    const killedAt = await killAndRestart();
    await eventually(() => receivers.smtp.messages.length === 2, 20_000, 'the e-mail to be sent again');
    process.stdout.write(`e-mail of a killed worker taken up after ${Date.now() - killedAt} ms\n`);
    expect(Date.now() - killedAt).toBeLessThan(TAKE_UP_WITHIN_MS);
    await eventually(
      async () => (await outcomes()).includes('NotificationDelivered:2'),
      10_000,
      'the delivery',
    );
    expect(await outcomes()).toEqual([
      'NotificationQueued:0',
      'NotificationAttempted:1',
      'NotificationOutcomeUnknown:1',
      'NotificationAttempted:2',
      'NotificationDelivered:2',
    ]);
    const ids = receivers.smtp.messages.map((m) => decodeMail(m.raw).headers['message-id']);
    expect(ids[0]).toContain(id);
    expect(ids[1]).toBe(ids[0]);
  }, 60_000);

  it('an e-mail whose deadline was met after its unanswered attempt is not sent again, and not recorded as if nothing had gone out', async () => {
    const { api, receivers, killAndRestart, outcomes } = await world('email');
    await appendDeadlineEvent(api, 'report-unna', 'DeadlineMet', { metAt: '2012-05-08T10:00:00.000Z' });
    await killAndRestart();
    await eventually(
      async () => (await outcomes()).some((o) => o.startsWith('NotificationSkipped')),
      20_000,
      'the retry to end',
    );
    expect(await outcomes()).toEqual([
      'NotificationQueued:0',
      'NotificationAttempted:1',
      'NotificationOutcomeUnknown:1',
      'NotificationSkipped:2',
    ]);
    expect(receivers.smtp.messages).toHaveLength(1);
  }, 60_000);
});
