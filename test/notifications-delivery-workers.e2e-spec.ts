import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { DeliveryWorkers, NOTIFICATIONS_QUEUE } from '@app/notifications';
import { redisUrl, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { removeQueueKeys } from './support/waiting';

const REDIS_URL = redisUrl(SHARED_QUEUE_DB);

/**
 * Which active jobs a delivery worker takes from others, against real Redis and BullMQ. A job is
 * made active under a chosen worker's lock by fetching it by hand, as that worker would; the
 * registry entries are those of workers on another host, so only their keys tell whether they live.
 */
describe('delivery workers take up the jobs of dead ones, and only those', () => {
  const elsewhere = JSON.stringify({ host: 'another-host', pid: 1, since: new Date().toISOString() });
  const prefixes: string[] = [];
  const closing: (() => Promise<unknown>)[] = [];
  let prefix: string;
  let redis: Redis;
  let queue: Queue;
  let fetcher: Worker;
  let registry: string;

  beforeEach(() => {
    prefix = uniquePrefix('delivery-workers');
    prefixes.push(prefix);
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const testQueue = new Queue(NOTIFICATIONS_QUEUE, { connection, prefix });
    const testFetcher = new Worker(NOTIFICATIONS_QUEUE, null, { connection, prefix });
    closing.push(
      () => testFetcher.close(),
      () => testQueue.close(),
      () => connection.quit(),
    );
    [redis, queue, fetcher] = [connection, testQueue, testFetcher];
    registry = `${prefix}:notifications-workers`;
  });

  afterAll(async () => {
    for (const close of closing) await close();
    for (const p of prefixes) await removeQueueKeys(REDIS_URL, p);
  });

  /** A job taken by `owner` (its lock token is `<owner>:<n>`, as BullMQ's worker makes it). */
  async function activeUnder(owner: string): Promise<string> {
    const jobId = `notify.${randomUUID()}.email`;
    await queue.add('email', { owner }, { jobId });
    const job = await fetcher.getNextJob(`${owner}:0`, { block: false });
    expect(job?.id).toBe(jobId);
    return jobId;
  }
  const state = async (jobId: string) => (await queue.getJob(jobId))?.getState();

  it('moves back the job of a registered worker whose key has expired, and forgets that worker', async () => {
    const dead = randomUUID();
    await redis.hset(registry, dead, elsewhere);
    const jobId = await activeUnder(dead);
    const me = new DeliveryWorkers({ redis, queue, prefix, workerId: randomUUID() });
    expect(await me.reap()).toBe(1);
    expect(await state(jobId)).toBe('waiting');
    expect(await redis.hexists(registry, dead)).toBe(0);
  });

  it('leaves alone the job of a worker that is alive, and one of a worker that never registered (an older version)', async () => {
    const alive = randomUUID();
    await redis.hset(registry, alive, elsewhere);
    await redis.set(`${registry}:${alive}`, elsewhere, 'PX', 60_000);
    const held = await activeUnder(alive);
    const unregistered = await activeUnder(randomUUID());
    const me = new DeliveryWorkers({ redis, queue, prefix, workerId: randomUUID() });
    expect(await me.reap()).toBe(0);
    expect([await state(held), await state(unregistered)]).toEqual(['active', 'active']);
  });

  it('moves back an active job whose lock is gone, as BullMQ would after two stall checks', async () => {
    const jobId = await activeUnder(randomUUID());
    await redis.del(`${queue.toKey(jobId)}:lock`);
    const me = new DeliveryWorkers({ redis, queue, prefix, workerId: randomUUID() });
    expect(await me.reap()).toBe(1);
    expect(await state(jobId)).toBe('waiting');
  });

  it('a worker that finds its key gone says that Redis lost its data, and registers again', async () => {
    let lost = 0;
    const workerId = randomUUID();
    const me = new DeliveryWorkers({ redis, queue, prefix, workerId, beatMs: 50, onRedisLost: () => lost++ });
    await me.start();
    try {
      expect(await redis.hexists(registry, workerId)).toBe(1);
      await redis.del(`${registry}:${workerId}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(lost).toBe(1);
      expect(await redis.exists(`${registry}:${workerId}`)).toBe(1);
    } finally {
      await me.stop();
    }
    expect(await redis.hexists(registry, workerId)).toBe(0);
  });
});
