import { Inject, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from './tokens';

/**
 * How long closing a client waits for its socket to close before destroying it (ioredis: 2 s).
 * Closed while Redis was away, the client's last socket has closed already and never says so
 * again: the full wait held a stopping process (and a test worker) for nothing.
 */
const DISCONNECT_TIMEOUT_MS = 500;

/** A client that reports, rather than hides, an unreachable Redis. */
export function createRedis(url: string, name: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
  });
  const logger = new Logger(`Redis:${name}`);
  let reported = false;
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger.error(
      `Redis at ${withoutPassword(url)} is unreachable (${error.message}). Start one with ` +
        '"redis-server --daemonize yes" or "docker compose up -d redis", or set REDIS_URL.',
    );
  });
  redis.on('ready', () => (reported = false));
  return redis;
}

/** The URL as it may be logged: any password masked. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
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

/** Warns at start when Redis is missing or may evict queued jobs; closes it at shutdown. */
export class RedisLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onModuleInit(): Promise<void> {
    try {
      await this.redis.connect();
      const warning = await checkEvictionPolicy(this.redis);
      if (warning) this.logger.warn(warning);
    } catch {
      // createRedis has already said what is wrong and how to start Redis; /health reports it too.
    }
  }
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
