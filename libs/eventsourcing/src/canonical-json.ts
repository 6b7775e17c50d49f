/**
 * Deterministic JSON: object keys sorted, `undefined` members dropped, no whitespace.
 * The hash chain depends on it, so its output for a given value must never change
 * (canonical-json.spec.ts holds it to the first implementation's output).
 *
 * It runs for every event sealed and every event verified, so it builds one string instead of
 * arrays of parts, and quotes each distinct key once.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return primitive(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += quotedKey(key);
    out += ':';
    out += member === null || typeof member !== 'object' ? primitive(member) : canonicalJson(member);
  }
  return out + '}';
}

/** What JSON.stringify escapes in a string: quote, backslash, control characters, lone surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function primitive(value: unknown): string {
  // Most strings (ids, dates, names) need no escaping: quoted as they are, without a native call.
  if (typeof value === 'string') return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError('canonicalJson: non-finite numbers cannot be hashed');
  }
  return JSON.stringify(value) ?? 'null';
}

/** Field names repeat in every event: each is quoted (escaped as JSON) once. */
const QUOTED_KEYS = new Map<string, string>();
const QUOTED_KEYS_MAX = 10_000;

function quotedKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    // Keys that are data (ids as map keys) would grow it without bound: only the first ones stay.
    if (QUOTED_KEYS.size < QUOTED_KEYS_MAX) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}
