import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from '@app/shared';

const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Every request runs inside a context carrying its correlation id (taken from the caller if sane). */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-correlation-id'];
  const correlationId = typeof given === 'string' && SAFE.test(given) ? given : randomUUID();
  (req as Request & { id: string }).id = correlationId;
  res.setHeader('X-Correlation-Id', correlationId);
  requestContext.run({ correlationId }, next);
}
