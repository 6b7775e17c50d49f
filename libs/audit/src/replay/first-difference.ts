import { serializeState } from '../time-travel/serialize-state';

export interface Difference {
  /** Path of the first differing value, e.g. `$.byId["kkz-2011.05978000"].status`. */
  path: string;
  /** The two values there, as JSON. */
  rebuilt: unknown;
  live: unknown;
}

const key = (k: unknown) =>
  typeof k === 'string' && /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
const tag = (v: unknown) => Object.prototype.toString.call(v);
const differ = (path: string, rebuilt: unknown, live: unknown): Difference => ({
  path,
  rebuilt: serializeState(rebuilt),
  live: serializeState(live),
});

/**
 * Where two read-model states first differ, or undefined if they are equal. Walks Maps, Sets,
 * arrays and objects in place (a replay compares states of a million events: no copies). Map and
 * Set order counts, because lists are served in that order.
 */
export function firstDifference(rebuilt: unknown, live: unknown, path = '$'): Difference | undefined {
  if (Object.is(rebuilt, live)) return undefined;
  if (typeof rebuilt !== 'object' || typeof live !== 'object' || rebuilt === null || live === null) {
    return differ(path, rebuilt, live);
  }
  if (tag(rebuilt) !== tag(live)) return differ(path, rebuilt, live);
  switch (tag(rebuilt)) {
    case '[object Map]': {
      const a = rebuilt as Map<unknown, unknown>;
      const b = live as Map<unknown, unknown>;
      for (const [k, v] of a) {
        if (!b.has(k)) return differ(`${path}${key(k)}`, v, undefined);
        const d = firstDifference(v, b.get(k), `${path}${key(k)}`);
        if (d) return d;
      }
      for (const k of b.keys()) if (!a.has(k)) return differ(`${path}${key(k)}`, undefined, b.get(k));
      return sameOrder([...a.keys()], [...b.keys()], path);
    }
    case '[object Set]': {
      const a = [...(rebuilt as Set<unknown>)];
      const b = [...(live as Set<unknown>)];
      return firstDifference(a, b, path);
    }
    case '[object Date]':
      return (rebuilt as Date).getTime() === (live as Date).getTime()
        ? undefined
        : differ(path, rebuilt, live);
    case '[object Array]': {
      const a = rebuilt as unknown[];
      const b = live as unknown[];
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = firstDifference(a[i], b[i], `${path}[${i}]`);
        if (d) return d;
      }
      return undefined;
    }
    default: {
      const a = rebuilt as Record<string, unknown>;
      const b = live as Record<string, unknown>;
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const k of keys) {
        // An absent member and one set to undefined read the same (JSON drops both).
        const d = firstDifference(a[k], b[k], `${path}${key(k)}`);
        if (d) return d;
      }
      return undefined;
    }
  }
}

function sameOrder(a: unknown[], b: unknown[], path: string): Difference | undefined {
  const at = a.findIndex((k, i) => !Object.is(k, b[i]));
  return at < 0 ? undefined : { path: `${path} (order at entry ${at})`, rebuilt: a[at], live: b[at] };
}
