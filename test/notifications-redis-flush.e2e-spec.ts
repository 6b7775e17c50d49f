import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { type RecordedEvent, SqliteEventStore } from '@app/eventsourcing';
import { notificationIdFor } from '@app/notifications';
import { type AppConfig, APP_CONFIG } from '@app/shared';
import { redisUrl, uniquePrefix } from './support/deadlines-harness';
import { DORTMUND, KREIS_UNNA, OBERHAUSEN, UNNA_MEMBERS } from './support/fixtures';
import {
  allowPrivateWebhooks,
  appendDeadlineEvent,
  startNotificationsWorker,
  startWebhookReceiver,
} from './support/notifications';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { eventually } from './support/waiting';

/**
 * This file owns Redis database 8 and wipes it with FLUSHDB, as an operator's FLUSHALL or a lost
 * Redis would: no other test uses that database (5: shared queue tests, 6: the deadline flush
 * test, 7: benchmarks), so test files running in parallel are unaffected.
 */
const NOTIFICATIONS_FLUSH_DB = 8;
const REDIS_URL = redisUrl(NOTIFICATIONS_FLUSH_DB);
const MUNICIPALITIES = [KREIS_UNNA, ...UNNA_MEMBERS, DORTMUND, OBERHAUSEN];
const DEADLINES = 8;
const OFFSETS = [14, 7, 3];
const DUE_AT = '2012-06-14T22:00:00.000Z';
/** Each municipality's receiver refuses each delivery 0, 1 or 2 times: webhooks wait in retries. */
const refusals = (path: string) => MUNICIPALITIES.indexOf(path.slice(1)) % 3;

/** A pseudo-random sequence of its own, so that a failure can be replayed with the seed printed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

describe('a flushed Redis loses no notification delivery', () => {
  const prefix = uniquePrefix('notify-flush');
  const flusher = new Redis(REDIS_URL);
  let api: TestApi;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let worker: Awaited<ReturnType<typeof startNotificationsWorker>> | undefined;

  afterAll(async () => {
    await worker?.close();
    await hooks?.close();
    await api?.close();
    await flusher.flushdb();
    flusher.disconnect();
  });

  it('flushed at random moments while e-mails are queued and webhooks wait for retries, once with a restart: every e-mail and webhook goes out exactly once, and the record tells every attempt', async () => {
    const seed = Number(process.env.FLUSH_SEED ?? Date.now() % 1_000_000);
    process.stdout.write(`notification flush test: FLUSH_SEED=${seed}\n`);
    const next = random(seed);
    allowPrivateWebhooks();
    const file = join(mkdtempSync(join(tmpdir(), 'kkz-notify-flush-')), 'events.sqlite');
    api = await startTestApi({
      now: '2012-05-07T08:00:00.000Z',
      env: { REDIS_URL },
      store: new SqliteEventStore(file, { pollIntervalMs: 50 }),
    });
    const outbox = join(api.app.get<AppConfig>(APP_CONFIG).dataDir, 'outbox');
    // Refused or taken by delivery id: a notification's webhook is refused its first 0 to 2 times.
    const seen = new Map<string, number>();
    hooks = await startWebhookReceiver((path, _n, headers) => {
      const id = String(headers['x-kkz-delivery']);
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      return n < refusals(path) ? 500 : 204;
    });
    for (const ags of MUNICIPALITIES)
      await api.http
        .put(`/municipalities/${ags}/notification-settings`)
        .set(bearer(await api.token('municipality', ags)))
        .send({ email: `fristen-${ags}@example.org`, webhookUrl: `${hooks.url}/${ags}` })
        .expect(200);
    // Periodic reconciliation off: what brings the work back is the store, read at start and when
    // Redis is found to have lost its data.
    const env = {
      NOTIFICATION_ATTEMPTS: '6',
      NOTIFICATION_BACKOFF_MS: '300',
      NOTIFICATION_RECONCILE_INTERVAL_S: '0',
    };
    worker = await startNotificationsWorker(api, prefix, env);

    // Reminders are written while Redis is flushed at random moments, 8 times in all.
    const expected: { id: string; ags: string }[] = [];
    let flushes = 0;
    let requeued = 0;
    let writing = true;
    const flushing = (async () => {
      while (writing || flushes < 8) {
        await new Promise((resolve) => setTimeout(resolve, 100 + next() * 900));
        await flusher.flushdb();
        flushes++;
        if (flushes === 4) {
          // A restart finds the queue empty and no checkpoint: the store alone tells what is owed.
          requeued += worker?.runtime.dispatcher?.totals.requeued ?? 0;
          await worker?.close();
          worker = await startNotificationsWorker(api, prefix, env);
        }
      }
    })();
    for (let d = 0; d < DEADLINES; d++) {
      const obliged = MUNICIPALITIES.filter((_, i) => (i + d) % 2 === 0).slice(0, 3);
      await appendDeadlineEvent(api, `report-${d}`, 'DeadlineOpened', {
        kind: 'esf-report-due',
        subject: { reportId: `report-${d}` },
        obligedAgs: obliged,
        dueDate: '2012-06-14',
        dueAt: DUE_AT,
        reminderOffsetsDays: OFFSETS,
      });
      for (const offsetDays of OFFSETS) {
        const cause = await appendDeadlineEvent(api, `report-${d}`, 'DeadlineReminderIssued', {
          kind: 'esf-report-due',
          offsetDays,
          dueAt: DUE_AT,
          obligedAgs: obliged,
          issuedAt: '2012-05-07T08:00:00.000Z',
        });
        for (const ags of obliged) expected.push({ id: notificationIdFor(cause, ags), ags });
        await new Promise((resolve) => setTimeout(resolve, next() * 150));
      }
    }
    writing = false;
    await flushing;

    const streams = async () =>
      Promise.all(
        expected.map(async (n) => ({ ...n, events: await api.store.readStream(`notification-${n.id}`) })),
      );
    const ended = (events: RecordedEvent[], channel: string) =>
      events.some(
        (e) => e.type === 'NotificationDelivered' && (e.data as { channel: string }).channel === channel,
      );
    await eventually(
      async () => (await streams()).every((n) => ended(n.events, 'email') && ended(n.events, 'webhook')),
      120_000,
      `every e-mail and webhook of ${expected.length} notifications to be delivered (FLUSH_SEED=${seed})`,
    );
    // Anything sent twice would have been sent by now: the longest wait is a backoff of 1.2 s.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const mails = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(mails).toHaveLength(expected.length);
    for (const { id, ags, events } of await streams()) {
      const of = (channel: string, type: string) =>
        events.filter((e) => e.type === type && (e.data as { channel: string }).channel === channel).length;
      expect(mails.filter((m) => m.includes(id))).toHaveLength(1);
      const calls = hooks.requests.filter((r) => r.headers['x-kkz-delivery'] === id);
      const accepted = calls.filter((r) => r.status === 204);
      expect({ id, accepted: accepted.length, refused: calls.length - accepted.length }).toEqual({
        id,
        accepted: 1,
        refused: refusals(`/${ags}`),
      });
      // The record tells the truth: an attempt for each message handed over, a failure for each refusal.
      expect({
        emailAttempts: of('email', 'NotificationAttempted'),
        emailDelivered: of('email', 'NotificationDelivered'),
        webhookAttempts: of('webhook', 'NotificationAttempted'),
        webhookFailed: of('webhook', 'NotificationDeliveryFailed'),
        webhookDelivered: of('webhook', 'NotificationDelivered'),
        unknown: events.filter((e) => e.type === 'NotificationOutcomeUnknown').length,
      }).toEqual({
        emailAttempts: 1,
        emailDelivered: 1,
        webhookAttempts: calls.length,
        webhookFailed: calls.length - 1,
        webhookDelivered: 1,
        unknown: 0,
      });
    }
    expect(flushes).toBeGreaterThanOrEqual(8);
    // The flushes did take work away: deliveries were brought back from the store.
    requeued += worker?.runtime.dispatcher?.totals.requeued ?? 0;
    process.stdout.write(
      `notification flush test: ${expected.length * 2} deliveries, ${flushes} flushes, ${requeued} deliveries queued again from the store\n`,
    );
    expect(requeued).toBeGreaterThan(0);
  }, 240_000);
});
