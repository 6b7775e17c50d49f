import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Queue } from 'bullmq';
import { NOTIFICATIONS_QUEUE } from '@app/notifications';
import { type AppConfig, APP_CONFIG } from '@app/shared';
import { redisUrl, removeQueueKeys, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
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

const REDIS_URL = redisUrl(SHARED_QUEUE_DB);
const MUNICIPALITIES = [KREIS_UNNA, ...UNNA_MEMBERS.slice(0, 3), DORTMUND, OBERHAUSEN];
const OFFSETS = [14, 7];
/** Long enough for every refused webhook to wait in BullMQ's delayed set when its jobs go. */
const BACKOFF_MS = 3000;

/**
 * Redis loses the delivery jobs while the dispatcher runs on, and nothing tells it: the jobs'
 * keys go, the worker's own key stays (as after a failover to a replica that missed the last
 * writes, or an eviction), so the heartbeat sees no lost Redis and no restart reads the store.
 * Only the periodic reconciliation (NOTIFICATION_RECONCILE_INTERVAL_S, here 1 s) brings every
 * NotificationQueued without an outcome back into the queue. The test's keys live in the shared
 * queue database under a prefix of its own, so only its own jobs are removed.
 */
describe('the periodic reconciliation re-enqueues deliveries that Redis lost while the worker ran', () => {
  const prefix = uniquePrefix('notify-periodic');
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  /** The delivery queue seen from outside: to pause it and to count its jobs. */
  const queue = new Queue(NOTIFICATIONS_QUEUE, { connection: redis, prefix });
  let api: TestApi;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let worker: Awaited<ReturnType<typeof startNotificationsWorker>> | undefined;

  afterAll(async () => {
    await worker?.close();
    await hooks?.close();
    await api?.close();
    await queue.close();
    await removeQueueKeys(REDIS_URL, prefix);
    redis.disconnect();
  });

  /** Removes the delivery queue's keys (prefix:notifications:*), not the workers' (prefix:notifications-workers*). */
  const loseTheJobs = () => removeQueueKeys(REDIS_URL, `${prefix}:${NOTIFICATIONS_QUEUE}`);

  it('queued e-mails and webhooks, then webhooks waiting for their retry: every one is delivered exactly once', async () => {
    allowPrivateWebhooks();
    api = await startTestApi({ now: '2012-05-07T08:00:00.000Z', env: { REDIS_URL } });
    const outbox = join(api.app.get<AppConfig>(APP_CONFIG).dataDir, 'outbox');
    // Every webhook is refused its first time: it then waits BACKOFF_MS for its retry.
    const calls = new Map<string, number>();
    hooks = await startWebhookReceiver((_path, _n, headers) => {
      const id = String(headers['x-kkz-delivery']);
      calls.set(id, (calls.get(id) ?? 0) + 1);
      return calls.get(id) === 1 ? 500 : 204;
    });
    await subscribeAll(api, MUNICIPALITIES, hooks.url);
    worker = await startNotificationsWorker(api, prefix, {
      NOTIFICATION_ATTEMPTS: '6',
      NOTIFICATION_BACKOFF_MS: String(BACKOFF_MS),
      NOTIFICATION_RECONCILE_INTERVAL_S: '1',
    });
    const dispatcher = worker.runtime.dispatcher!;
    await eventually(() => dispatcher.status().state === 'following', 15_000, 'the dispatcher to follow');

    // 1. The queue is paused: the dispatcher records and queues, no delivery starts.
    await queue.pause();
    const owed: OwedNotification[] = [];
    for (let d = 0; d < 3; d++) {
      const obliged = MUNICIPALITIES.filter((_, i) => (i + d) % 2 === 0);
      await openReportDeadline(api, `report-${d}`, obliged, OFFSETS);
      for (const offsetDays of OFFSETS)
        owed.push(...(await remindOfReport(api, `report-${d}`, obliged, offsetDays)));
    }
    const deliveries = owed.length * 2;
    await eventually(
      async () => {
        const counts = await queue.getJobCounts('wait', 'paused', 'delayed', 'active', 'completed');
        return counts.wait + counts.paused === deliveries && counts.active + counts.completed === 0;
      },
      15_000,
      `${deliveries} deliveries to wait in the paused queue`,
    );
    const before = dispatcher.totals.requeued;
    await loseTheJobs();

    // Only the periodic reconciliation can bring them back; then each e-mail goes out and each
    // webhook is refused once.
    await eventually(
      async () => {
        const counts = await queue.getJobCounts('delayed', 'active');
        return (
          hooks.requests.length === owed.length &&
          counts.delayed === owed.length &&
          counts.active === 0 &&
          outboxFilled(outbox, owed.length)
        );
      },
      20_000,
      `${owed.length} e-mails sent and ${owed.length} webhooks refused once, waiting for their retry`,
    );
    expect(dispatcher.totals.requeued - before).toBe(deliveries);

    // 2. The webhooks' retries go while they wait out their backoff.
    await loseTheJobs();
    await eventually(
      () => allDelivered(api, owed),
      20_000,
      `every e-mail and webhook of ${owed.length} notifications to be delivered`,
    );
    expect(dispatcher.totals.requeued - before).toBe(deliveries + owed.length);
    // Anything sent twice would have been sent by now: a reconciliation a second, no backoff left.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await expectEachDeliveredOnce(api, { outbox, hooks, owed, refusals: () => 1 });
  }, 90_000);
});

/** Whether the outbox holds `count` e-mails. */
function outboxFilled(outbox: string, count: number): boolean {
  return existsSync(outbox) && readdirSync(outbox).filter((f) => f.endsWith('.eml')).length === count;
}
