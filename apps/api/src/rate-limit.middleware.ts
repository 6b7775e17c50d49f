import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@app/eventsourcing';

export class RateLimitExceeded extends DomainError {
  readonly code = 'rate-limited';
  readonly kind = 'too-many-requests';
  constructor(perMinute: number) {
    super(`More than ${perMinute} requests in a minute from this caller; slow down.`);
  }
}

/**
 * A fixed one-minute window per caller (its token, or its address without one), per API process.
 * With several replicas the effective limit is per replica; put a shared limiter in front for more.
 */
export function rateLimitMiddleware(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const auth = req.headers.authorization;
    const key = auth ? createHash('sha1').update(auth).digest('base64') : `ip:${req.ip}`;
    const now = Date.now();
    let w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (windows.size > 100_000) windows.clear();
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    if (++w.count > perMinute) {
      res.setHeader('Retry-After', String(Math.ceil((w.start + 60_000 - now) / 1000)));
      next(new RateLimitExceeded(perMinute));
      return;
    }
    next();
  };
}
