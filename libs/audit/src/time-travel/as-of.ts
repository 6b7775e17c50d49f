import type { RecordedEvent } from '@app/eventsourcing';
import { endOfDayInBerlin, isCalendarDate } from '@app/shared';

/**
 * Which clock an "as of" date is read on:
 * - `recorded`: storage time, when the store wrote the event: "what the system knew then";
 * - `occurred`: business time, when the fact happened (a council's decision entered later still
 *   counts from the day it was taken): "what had happened by then, as known today".
 */
export type TimeAxis = 'recorded' | 'occurred';
export const TIME_AXES: TimeAxis[] = ['recorded', 'occurred'];

export interface InstantBound {
  axis: TimeAxis;
  /** As given by the caller. */
  given: string;
  /** Exclusive bound in ms: a date means up to 24:00 Europe/Berlin of that day. */
  beforeMs: number;
}

export type AsOf =
  | { kind: 'latest' }
  | { kind: 'revision'; revision: number }
  | { kind: 'position'; position: number }
  | ({ kind: 'time' } & InstantBound);

/** A date `YYYY-MM-DD` (the whole day, Berlin time) or an ISO instant (inclusive). */
export function instantBound(given: string, axis: TimeAxis): InstantBound | undefined {
  const day = given.slice(0, 10);
  if (day === given && isCalendarDate(day)) return { axis, given, beforeMs: endOfDayInBerlin(day).getTime() };
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(given))
    return undefined;
  // Date.parse rolls 30 February over into March; an instant must name a real day.
  if (!isCalendarDate(day)) return undefined;
  const ms = Date.parse(given);
  return Number.isNaN(ms) ? undefined : { axis, given, beforeMs: ms + 1 };
}

export function timeOf(event: RecordedEvent, axis: TimeAxis): number {
  return Date.parse(axis === 'recorded' ? event.metadata.recordedAt : event.metadata.occurredAt);
}

export function includes(asOf: AsOf, event: RecordedEvent): boolean {
  switch (asOf.kind) {
    case 'latest':
      return true;
    case 'revision':
      return event.revision <= asOf.revision;
    case 'position':
      return event.position <= asOf.position;
    case 'time':
      return timeOf(event, asOf.axis) < asOf.beforeMs;
  }
}

/** How an answer states what "as of" meant, so no reader has to guess the clock. */
export function describeAsOf(asOf: AsOf): Record<string, unknown> {
  switch (asOf.kind) {
    case 'latest':
      return { latest: true };
    case 'revision':
      return { revision: asOf.revision };
    case 'position':
      return { position: asOf.position };
    case 'time':
      return {
        date: asOf.given,
        time: asOf.axis,
        until: new Date(asOf.beforeMs - 1).toISOString(),
        meaning:
          asOf.axis === 'recorded'
            ? 'storage time (recordedAt): what the store held at that moment'
            : 'business time (occurredAt): facts that had happened by then, including ones recorded later',
      };
  }
}

/** From/to on one axis, for timelines and exports: from inclusive, to exclusive (a date: its whole day). */
export interface TimeRange {
  axis: TimeAxis;
  fromMs?: number;
  beforeMs?: number;
}

export function inRange(range: TimeRange, event: RecordedEvent): boolean {
  const t = timeOf(event, range.axis);
  return (
    (range.fromMs === undefined || t >= range.fromMs) && (range.beforeMs === undefined || t < range.beforeMs)
  );
}
