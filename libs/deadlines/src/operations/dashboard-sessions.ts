import { createHash, randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';

/** Longest a dashboard session lives; never beyond the token it was opened with. */
export const SESSION_TTL_SECONDS = 30 * 60;
/** A dashboard request waits this long for Redis at most, then is answered 503. */
const REDIS_WAIT_MS = 3000;

export class SessionStoreUnavailable extends Error {}

/**
 * Sessions of the queue dashboard, kept in Redis: the browser holds a random id, never the grants
 * office's token. In Redis rather than signed cookies because the dashboard lives on Redis anyway
 * (no Redis, no queue to show), every API replica then knows every session, and a session ends
 * for good when it is signed out (a signed cookie would stay valid until it expires). The key is
 * the id's SHA-256, so a copy of Redis holds no usable session id.
 */
export class DashboardSessions {
  constructor(private readonly queue: () => Queue) {}

  /** Opens a session for a verified grants office caller; returns the id for the cookie. */
  async open(subject: string, tokenExpiresAt: number | undefined): Promise<{ id: string; ttl: number }> {
    const untilTokenExpires =
      tokenExpiresAt === undefined ? SESSION_TTL_SECONDS : Math.floor(tokenExpiresAt - Date.now() / 1000);
    const ttl = Math.min(SESSION_TTL_SECONDS, untilTokenExpires);
    const id = randomBytes(32).toString('base64url');
    if (ttl > 0) await this.redis((r) => r.set(this.key(id), subject, 'EX', ttl));
    return { id, ttl: Math.max(ttl, 0) };
  }

  async isOpen(id: string): Promise<boolean> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return false;
    return (await this.redis((r) => r.exists(this.key(id)))) === 1;
  }

  async close(id: string): Promise<void> {
    await this.redis((r) => r.del(this.key(id)));
  }

  private key(id: string): string {
    const prefix = this.queue().opts.prefix ?? 'bull';
    return `${prefix}:queue-dashboard:session:${createHash('sha256').update(id).digest('hex')}`;
  }

  /** The queue's connection retries for ever while Redis is away; a page must not wait for ever. */
  private async redis<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SessionStoreUnavailable()), REDIS_WAIT_MS);
    });
    try {
      // BullMQ types its connection narrowly; it is the ioredis client the queue was given.
      const client = this.queue().client.then((c) => command(c as unknown as Redis));
      return await Promise.race([client, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
