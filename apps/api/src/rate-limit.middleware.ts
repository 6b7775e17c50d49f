import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@app/eventsourcing';

export class RateLimitExceeded extends DomainError {
  readonly code = 'rate-limited';
  readonly kind = 'too-many-requests';
  constructor(perMinute: number) {
    super(`More than ${perMinute} requests in a minute from this address; slow down.`);
  }
}

const MAX_TRACKED = 100_000;

/**
 * A fixed one-minute window per client address, counted before authentication so that junk
 * tokens cannot buy fresh windows (or signature checks). Behind a proxy, Express's `trust proxy`
 * decides the address. Per API process: with several replicas put a shared limiter in front.
 */
export function rateLimitMiddleware(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = req.ip ?? 'unknown';
    const now = Date.now();
    let w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      windows.delete(key);
      if (windows.size >= MAX_TRACKED) evictExpired(windows, now);
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

/** Drops finished windows, oldest first (a Map iterates in insertion order); never resets live ones. */
function evictExpired(windows: Map<string, { start: number }>, now: number): void {
  for (const [key, w] of windows) {
    if (now - w.start < 60_000 && windows.size < MAX_TRACKED) break;
    windows.delete(key);
  }
}
