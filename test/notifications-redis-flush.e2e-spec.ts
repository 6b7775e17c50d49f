import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { SqliteEventStore } from '@app/eventsourcing';
import { type AppConfig, APP_CONFIG } from '@app/shared';
import { redisUrl, uniquePrefix } from './support/deadlines-harness';
import { DORTMUND, KREIS_UNNA, OBERHAUSEN, UNNA_MEMBERS } from './support/fixtures';
import {
  allDelivered,
  allowPrivateWebhooks,
  expectEachDeliveredOnce,
  openReportDeadline,
  type OwedNotification,
  remindOfReport,
  startNotificationsWorker,
  startWebhookReceiver,
  subscribeAll,
} from './support/notifications';
import { startTestApi, type TestApi } from './support/test-api';
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
/** Each municipality's receiver refuses each delivery 0, 1 or 2 times: webhooks wait in retries. */
const refusals = (ags: string) => MUNICIPALITIES.indexOf(ags) % 3;

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
      return n < refusals(path.slice(1)) ? 500 : 204;
    });
    await subscribeAll(api, MUNICIPALITIES, hooks.url);
    // Periodic reconciliation off: what brings the work back is the store, read at start and when
    // Redis is found to have lost its data.
    const env = {
      NOTIFICATION_ATTEMPTS: '6',
      NOTIFICATION_BACKOFF_MS: '300',
      NOTIFICATION_RECONCILE_INTERVAL_S: '0',
    };
    worker = await startNotificationsWorker(api, prefix, env);

    // Reminders are written while Redis is flushed at random moments, 8 times in all.
    const expected: OwedNotification[] = [];
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
      await openReportDeadline(api, `report-${d}`, obliged, OFFSETS);
      for (const offsetDays of OFFSETS) {
        expected.push(...(await remindOfReport(api, `report-${d}`, obliged, offsetDays)));
        await new Promise((resolve) => setTimeout(resolve, next() * 150));
      }
    }
    writing = false;
    await flushing;

    await eventually(
      () => allDelivered(api, expected),
      120_000,
      `every e-mail and webhook of ${expected.length} notifications to be delivered (FLUSH_SEED=${seed})`,
    );
    // Anything sent twice would have been sent by now: the longest wait is a backoff of 1.2 s.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await expectEachDeliveredOnce(api, { outbox, hooks, owed: expected, refusals });
    expect(flushes).toBeGreaterThanOrEqual(8);
    // The flushes did take work away: deliveries were brought back from the store.
    requeued += worker?.runtime.dispatcher?.totals.requeued ?? 0;
    process.stdout.write(
      `notification flush test: ${expected.length * 2} deliveries, ${flushes} flushes, ${requeued} deliveries queued again from the store\n`,
    );
    expect(requeued).toBeGreaterThan(0);
  }, 240_000);
});
