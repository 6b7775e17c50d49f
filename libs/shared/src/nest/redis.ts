import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/** A client that reports, rather than hides, an unreachable Redis. */
export function createRedis(url: string, name: string): Redis {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, enableOfflineQueue: true });
  const logger = new Logger(`Redis:${name}`);
  let reported = false;
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger.error(
      `Redis at ${url} is unreachable (${error.message}). Start one with ` +
        '"redis-server --daemonize yes" or "docker compose up -d redis", or set REDIS_URL.',
    );
  });
  redis.on('ready', () => (reported = false));
  return redis;
}

/**
 * BullMQ may lose delayed jobs if Redis evicts keys under memory pressure; only `noeviction` is
 * safe. Returns a warning to log, or undefined when the policy is right.
 */
export async function checkEvictionPolicy(redis: Redis): Promise<string | undefined> {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  const policy = reply?.[1];
  if (policy && policy !== 'noeviction') {
    return `Redis maxmemory-policy is "${policy}": queued deadlines can be evicted and lost. Set "maxmemory-policy noeviction".`;
  }
  return undefined;
}
