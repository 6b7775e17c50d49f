import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
import { withoutPassword } from '@app/shared';

/** A limiter that cannot ask Redis in this time lets the request through rather than stall it. */
const REDIS_TIMEOUT_MS = 500;

/**
 * The counters in Redis, shared by every API replica (an atomic Lua INCR/PEXPIRE per request, by
 * @nest-lab/throttler-storage-redis). Without Redis the limit is not enforced, and the API keeps
 * serving (fail open), with one warning in the log: a rate limit must not take the API down with
 * Redis; /health/ready reports Redis down.
 */
export class RedisThrottlerStorage extends ThrottlerStorageRedisService implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private warned = false;

  constructor(private readonly url: string) {
    // Fails fast while Redis is away instead of queueing commands behind it.
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    super(redis);
    redis.on('error', (error: Error) => this.warnOnce(error));
    redis.on('ready', () => (this.warned = false));
  }

  override async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        super.increment(key, ttl, limit, blockDuration, throttlerName),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`)),
            REDIS_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      this.warnOnce(error as Error);
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    } finally {
      clearTimeout(timer);
    }
  }

  override onModuleDestroy(): void {
    this.redis.disconnect(false);
  }

  private warnOnce(error: Error): void {
    if (this.warned) return;
    this.warned = true;
    this.logger.warn(
      `Redis at ${withoutPassword(this.url)} does not answer (${error.message}): requests are not rate-limited until it is back.`,
    );
  }
}
