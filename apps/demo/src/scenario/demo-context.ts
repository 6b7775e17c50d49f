import type { Caller, Callers } from '../demo-client';
import type { Cast, CastMember } from '../demo-data';
import type { Simulation } from '../simulation';

/** What every step of the demo shares: the API's callers, business time, the cast and the log. */
export interface DemoContext {
  sim: Simulation;
  callers: Callers;
  cast: Cast;
  office: Caller;
  /** Prints a progress line dated in business time and keeps it for the report's timeline. */
  log(message: string, milestone?: boolean): void;
  /** Milestones for the report, in order. */
  timeline: { date: string; label: string }[];
}

export const municipality = (ctx: DemoContext, m: CastMember | string) =>
  ctx.callers.as('municipality', typeof m === 'string' ? m : m.ags);

export const berlinDay = (instant: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(instant);

/** 10:00 Berlin time on a date (winter or summer time), as an ISO instant. */
export function officeHours(date: string, hour = 10): string {
  const probe = new Date(`${date}T12:00:00Z`);
  const berlinNoon = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hour12: false }).format(
      probe,
    ),
  );
  const offsetHours = berlinNoon - 12;
  return new Date(
    Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) - offsetHours * 3_600_000,
  ).toISOString();
}

/** Runs `fn` for each item with at most `limit` at once (the API serialises writes anyway). */
export async function eachLimited<T>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index], index);
    }
  });
  await Promise.all(workers);
}
