import { type FieldError, germanConstraint, RequestValidationError } from '@app/shared';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper nesting has no use in this API and would overflow the validators' recursion. */
const MAX_DEPTH = 32;
/** Enough to name what is wrong; a body with thousands of bad values gets no longer answer. */
const MAX_REPORTED = 20;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks the parsed JSON body once, before anything reads it (the idempotency key's hash, the
 * validators, the handlers):
 * - no key that addresses object prototypes (the validation pipe would drop it silently);
 * - no nesting deeper than {@link MAX_DEPTH};
 * - I-JSON (RFC 7493): numbers within ±(2^53 − 1), so `1e309` (Infinity to JSON.parse) or 1e300
 *   never reach a hash, a sum or an event; text is well-formed Unicode, so a lone UTF-16 surrogate
 *   never reaches a validator (some throw on it) or an event.
 * Every field in breach is named, like the validation pipe names its fields.
 */
export function checkJsonBody(body: unknown): RequestValidationError | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const found: Finding[] = [];
  const outcome = walk(body, '', 0, found);
  if (outcome === TOO_DEEP) {
    return new RequestValidationError('too-deeply-nested', {
      de: `Der Inhalt der Anfrage ist tiefer als ${MAX_DEPTH} Ebenen verschachtelt.`,
      en: `The request body is nested deeper than ${MAX_DEPTH} levels.`,
    });
  }
  const forbidden = found.find((f) => f.kind === 'forbidden-key');
  if (forbidden) {
    return new RequestValidationError('forbidden-key', {
      de: `Der Inhalt der Anfrage darf den Schlüssel „${forbidden.key}“ nicht enthalten.`,
      en: `The request body may not contain the key "${forbidden.key}".`,
    });
  }
  return found.length > 0 ? invalidValues(found) : undefined;
}

type Finding =
  { kind: 'forbidden-key'; key: string } | { kind: 'isSafeNumber' | 'isWellFormedText'; field: string };

const TOO_DEEP = Symbol('too deep');

/** Visits every key and value; stops early at a forbidden key, too deep a nesting or enough findings. */
function walk(value: unknown, path: string, depth: number, found: Finding[]): typeof TOO_DEEP | void {
  if (found.length >= MAX_REPORTED) return;
  if (typeof value === 'number') {
    if (!(Math.abs(value) <= Number.MAX_SAFE_INTEGER)) found.push({ kind: 'isSafeNumber', field: path });
    return;
  }
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) found.push({ kind: 'isWellFormedText', field: path });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  const array = Array.isArray(value);
  for (const key of Object.keys(value)) {
    if (FORBIDDEN.has(key)) {
      found.push({ kind: 'forbidden-key', key });
      return;
    }
    const shown = key.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
    const field = path === '' ? shown : `${path}.${shown}`;
    if (!array && LONE_SURROGATE.test(key)) found.push({ kind: 'isWellFormedText', field });
    const nested = walk((value as Record<string, unknown>)[key], field, depth + 1, found);
    if (nested === TOO_DEEP) return TOO_DEEP;
    if (found.some((f) => f.kind === 'forbidden-key')) return;
  }
}

const ENGLISH = {
  isSafeNumber: (field: string) =>
    `${field} must be a number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
  isWellFormedText: (field: string) =>
    `${field} must be well-formed Unicode text (it contains a lone UTF-16 surrogate)`,
};

function invalidValues(found: Finding[]): RequestValidationError {
  const fields: FieldError[] = found.flatMap((f) => {
    if (f.kind === 'forbidden-key') return [];
    const en = ENGLISH[f.kind](f.field);
    return [{ field: f.field, messages: [{ de: germanConstraint(f.kind, en), en }] }];
  });
  return RequestValidationError.forFields(fields);
}
