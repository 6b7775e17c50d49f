import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from '@app/shared';

const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

type CorrelatedRequest = Request & { id?: string };

/** First of all: a correlation id (the caller's if sane), so even a body-parser error carries one. */
export function assignCorrelationId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-correlation-id'];
  const correlationId = typeof given === 'string' && SAFE.test(given) ? given : randomUUID();
  (req as CorrelatedRequest).id = correlationId;
  res.setHeader('X-Correlation-Id', correlationId);
  next();
}

/**
 * After the body is parsed: run the rest of the request inside its context (actor, correlation,
 * idempotency). It starts after parsing because stream callbacks may not carry the context.
 */
export function runInRequestContext(req: Request, _res: Response, next: NextFunction): void {
  requestContext.run({ correlationId: (req as CorrelatedRequest).id ?? randomUUID() }, next);
}
