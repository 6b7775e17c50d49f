/**
 * A read model as JSON: Maps become objects (or entry lists when keys are not strings), Sets
 * become arrays. Read models are plain data; this is all that is needed to show or compare them.
 */
export function serializeState(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? value.toString() : value;
  }
  // By tag, not instanceof: a state copied by structuredClone may come from another realm (jest's vm).
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Map]') {
    const entries = [...(value as Map<unknown, unknown>).entries()];
    if (entries.every(([k]) => typeof k === 'string')) {
      return Object.fromEntries(entries.map(([k, v]) => [k, serializeState(v)]));
    }
    return entries.map(([k, v]) => [serializeState(k), serializeState(v)]);
  }
  if (tag === '[object Set]') return [...(value as Set<unknown>)].map(serializeState);
  if (tag === '[object Date]') return (value as Date).toISOString();
  if (Array.isArray(value)) return value.map(serializeState);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined && typeof v !== 'function') out[k] = serializeState(v);
  }
  return out;
}
