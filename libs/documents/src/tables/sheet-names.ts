/**
 * Excel's rules for a sheet name: at most 31 characters, none of `[ ] : * ? / \`, not starting
 * or ending with an apostrophe, unique regardless of case. Names that collide after shortening
 * ("Kreis Unna (Förderphase I)" and "… II") get a counter, so every sheet still opens.
 */
const MAX = 31;

function cleaned(name: string): string {
  const text = name
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  return text || 'Tabelle';
}

export function uniqueSheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = cleaned(name);
    let candidate = base.slice(0, MAX).trim();
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      candidate = `${base.slice(0, MAX - suffix.length).trim()}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
