import type { NextFunction, Request, Response } from 'express';
import { RequestValidationError } from '@app/shared';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper nesting has no use in this API and would overflow the validators' recursion. */
const MAX_DEPTH = 32;

/**
 * Refuses bodies with keys that address object prototypes. The validation pipe would drop them
 * silently; an explicit 400 tells the client, and no such key can ever reach an event.
 */
export function refuseForbiddenKeys(req: Request, _res: Response, next: NextFunction): void {
  const found = findForbiddenKey(req.body, 0);
  if (found === TOO_DEEP) {
    next(
      new RequestValidationError('too-deeply-nested', {
        de: `Der Inhalt der Anfrage ist tiefer als ${MAX_DEPTH} Ebenen verschachtelt.`,
        en: `The request body is nested deeper than ${MAX_DEPTH} levels.`,
      }),
    );
    return;
  }
  if (found) {
    next(
      new RequestValidationError('forbidden-key', {
        de: `Der Inhalt der Anfrage darf den Schlüssel „${found}“ nicht enthalten.`,
        en: `The request body may not contain the key "${found}".`,
      }),
    );
    return;
  }
  next();
}

const TOO_DEEP = Symbol('too deep');

function findForbiddenKey(value: unknown, depth: number): string | typeof TOO_DEEP | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN.has(key)) return key;
    const nested = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1);
    if (nested) return nested;
  }
  return undefined;
}
