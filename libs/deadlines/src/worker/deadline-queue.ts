import { Logger } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { withoutPassword } from '@app/shared';

export const DEADLINE_QUEUE_NAME = 'deadlines';

export interface DeadlineQueueSettings {
  redisUrl: string;
  /** BullMQ key prefix: one per installation, and one per test. */
  prefix: string;
}

/**
 * A connection BullMQ accepts for blocking commands: it retries for ever rather than fail a
 * request, so while Redis is away the schedule waits for it. Says once that Redis is unreachable.
 */
export function createQueueConnection(redisUrl: string): Redis {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true });
  let reported = false;
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    new Logger('Deadlines').error(
      `Redis at ${withoutPassword(redisUrl)} is unreachable (${error.message}): deadlines are not scheduled ` +
        'until it is back. Start it with "redis-server --daemonize yes" or "docker compose up -d redis".',
    );
  });
  redis.on('ready', () => (reported = false));
  return redis;
}

/** Waits for a graceful step at most `ms`; an absent Redis must not hold up a shutdown. */
export async function atMost(ms: number, step: Promise<unknown> | undefined): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    step?.catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s … about 2 min in all); a firing that still
 * fails stays in the failed list for the dashboard and is retried by the next reconciliation.
 * Completed jobs are removed at once: what happened is in the store, and a reconciliation may
 * then add a job of the same id again should the store say it is still needed.
 */
export const FIRING_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
};

/** The queue with its own connection, closed together. */
export class DeadlineQueue {
  readonly queue: Queue;
  private readonly connection: Redis;

  constructor(settings: DeadlineQueueSettings) {
    this.connection = createQueueConnection(settings.redisUrl);
    this.queue = new Queue(DEADLINE_QUEUE_NAME, { connection: this.connection, prefix: settings.prefix });
    // Errors surface where the queue is used; an unhandled 'error' event would end the process.
    this.queue.on('error', () => undefined);
  }

  /** Whether Redis answers now: shutting down, nothing is worth waiting for when it does not. */
  get reachable(): boolean {
    return this.connection.status === 'ready';
  }

  async close(): Promise<void> {
    if (this.reachable) {
      // The queue may still be starting (BullMQ checks the Redis version after the connection is
      // ready): let that end first, for the same reason as below.
      await atMost(5000, this.queue.waitUntilReady());
      await atMost(5000, this.queue.close());
      this.connection.disconnect();
      return;
    }
    // Not (yet) connected: end the connection first, so that the queue's pending start fails while
    // the queue still listens (to the no-op above); closing the queue first would drop its
    // listeners, and the failed start would then be an unhandled 'error' that ends the process.
    this.connection.disconnect();
    await atMost(1000, this.queue.waitUntilReady());
    await atMost(1000, this.queue.close());
  }
}
