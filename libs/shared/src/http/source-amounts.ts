const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;

/**
 * Why a list of money per funding source (`[{ sourceId, cents }]`, as a notice's financing or a
 * report's expenditure states it) is not one the API takes, or undefined when it is: 1 to 20
 * entries, each exactly a source id and whole cents between 0 and `maxCents`.
 */
export function sourceAmountsProblem(list: readonly unknown[], maxCents: number): string | undefined {
  if (list.length === 0 || list.length > 20) return 'must name between 1 and 20 sources';
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return 'entries must be objects { sourceId, cents }';
    const keys = Object.keys(entry);
    if (keys.length !== 2 || !keys.includes('sourceId') || !keys.includes('cents'))
      return 'entries must be objects { sourceId, cents } and nothing else';
    const { sourceId, cents } = entry as Record<string, unknown>;
    if (typeof sourceId !== 'string' || !SOURCE_ID.test(sourceId)) return 'sourceId must be a source id';
    if (!(Number.isInteger(cents) && (cents as number) >= 0 && (cents as number) <= maxCents))
      return `cents must be a whole number between 0 and ${maxCents}`;
  }
  return undefined;
}
