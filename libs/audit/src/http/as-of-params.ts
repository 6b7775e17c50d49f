import { startOfDayInZone } from '@app/shared';
import { AsOfAmbiguous, TimeRangeReversed } from '../errors';
import { type AsOf, instantBound, type TimeRange } from '../time-travel/as-of';
import type { ReadModelsAsOfFilter, RecordAsOfFilter, TimeRangeFilter } from './audit-query.dto';

/** Turns validated query parameters into one "as of"; no parameter means the latest state. */
export function asOfFrom(filter: RecordAsOfFilter & Partial<ReadModelsAsOfFilter>): AsOf {
  const given = [
    filter.revision !== undefined ? 'revision' : undefined,
    filter.position !== undefined ? 'position' : undefined,
    filter.asOf !== undefined ? 'asOf' : undefined,
  ].filter((g): g is string => g !== undefined);
  if (given.length > 1) throw new AsOfAmbiguous(given);
  if (filter.revision !== undefined) return { kind: 'revision', revision: filter.revision };
  if (filter.position !== undefined) return { kind: 'position', position: filter.position };
  if (filter.asOf !== undefined) {
    // Validated by IsAsOf, so it parses.
    return {
      kind: 'time',
      ...(instantBound(filter.asOf, filter.time ?? 'recorded') as NonNullable<
        ReturnType<typeof instantBound>
      >),
    };
  }
  return { kind: 'latest' };
}

/** From (a date: its start, Berlin time) inclusive, to (a date: its end) inclusive. */
export function timeRangeFrom(filter: TimeRangeFilter): TimeRange {
  const axis = filter.time ?? 'recorded';
  const fromMs =
    filter.from === undefined
      ? undefined
      : /^\d{4}-\d{2}-\d{2}$/.test(filter.from)
        ? startOfDayInZone(filter.from).getTime()
        : Date.parse(filter.from);
  const beforeMs = filter.to === undefined ? undefined : instantBound(filter.to, axis)?.beforeMs;
  if (fromMs !== undefined && beforeMs !== undefined && beforeMs <= fromMs) {
    throw new TimeRangeReversed(filter.from as string, filter.to as string);
  }
  return {
    axis,
    ...(fromMs !== undefined ? { fromMs } : {}),
    ...(beforeMs !== undefined ? { beforeMs } : {}),
  };
}
