import { canonicalJson } from './canonical-json';

/** The first implementation, kept verbatim as the reference every stored hash was computed with. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('canonicalJson: non-finite numbers cannot be hashed');
    }
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${reference(member)}`);
  }
  return `{${parts.join(',')}}`;
}

/** A small deterministic generator, so that a failure names a value that can be reproduced. */
function randomValue(seed: { s: number }, depth: number): unknown {
  const next = () => (seed.s = (seed.s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const texts = [
    '',
    'a',
    'Lünen',
    'Straße "1"',
    'back\\slash',
    'line\nbreak',
    '\u0001',
    '\ud83d\ude00',
    'lone \ud800 surrogate',
    'tail \udc00',
    '\u2028\u007f',
    '€',
    'z',
  ];
  const pick = next();
  if (depth > 3 || pick < 0.4) {
    const kind = Math.floor(next() * 7);
    return [
      null,
      true,
      false,
      Math.floor(next() * 1e6) - 5e5,
      next() * 1e3,
      texts[Math.floor(next() * texts.length)],
      undefined,
    ][kind];
  }
  if (pick < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(seed, depth + 1));
  const record: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 5); i > 0; i--)
    record[texts[Math.floor(next() * texts.length)] + String(Math.floor(next() * 3))] = randomValue(
      seed,
      depth + 1,
    );
  return record;
}

describe('canonical JSON', () => {
  it('writes exactly what the first implementation wrote, for every kind of value', () => {
    const seed = { s: 42 };
    for (let i = 0; i < 2000; i++) {
      const value = randomValue(seed, 0);
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });

  it('sorts keys, drops undefined members, writes undefined array items as null', () => {
    expect(canonicalJson({ b: 1, a: [undefined, 'x'], c: undefined, 'ä"': { z: null, y: -0 } })).toBe(
      '{"a":[null,"x"],"b":1,"ä\\"":{"y":0,"z":null}}',
    );
  });

  it('refuses numbers a hash cannot be computed over', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
  });
});
