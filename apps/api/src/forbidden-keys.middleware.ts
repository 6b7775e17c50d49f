import type { NextFunction, Request, Response } from 'express';
import { RequestValidationError } from '@app/shared';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses bodies with keys that address object prototypes. The validation pipe would drop them
 * silently; an explicit 400 tells the client, and no such key can ever reach an event.
 */
export function refuseForbiddenKeys(req: Request, _res: Response, next: NextFunction): void {
  const found = findForbiddenKey(req.body, 0);
  if (found) {
    next(new RequestValidationError('forbidden-key', `The request body may not contain the key "${found}".`));
    return;
  }
  next();
}

function findForbiddenKey(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN.has(key)) return key;
    const nested = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1);
    if (nested) return nested;
  }
  return undefined;
}
