import { addDays, berlinWallTime } from '@app/shared';
import { addresseesAt, type KnownDeadline } from './deadline';

/**
 * Reminders go out at 08:00 Berlin time on their day: `offsetDays` calendar days before the last
 * day, a weekend or holiday included (the ladder counts calendar days, as the calendar feed's
 * alarms do; only the due day itself moves off a weekend or holiday, by § 193 BGB).
 */
export const REMINDER_HOUR = 8;

/** The ladder a programme gets until it sets its own: 14, 7 and 1 days before, and on the day. */
export const DEFAULT_REMINDER_OFFSETS_DAYS = [14, 7, 1, 0];

export type FiringKind = 'reminder' | 'due';

/** One moment a deadline needs the worker: a reminder, or the due moment itself. */
export interface Firing {
  deadlineId: string;
  firing: FiringKind;
  /** For reminders: days before the last day. */
  offsetDays?: number;
  /** The due moment the firing belongs to: an extension makes earlier firings stale. */
  dueAt: string;
  fireAt: string;
}

const moments = new Map<string, string>();

/** 08:00 Berlin time, `offsetDays` before the last day. Cached: few days, asked for very often. */
export function reminderMoment(lastDay: string, offsetDays: number): string {
  const key = `${lastDay}|${offsetDays}`;
  let moment = moments.get(key);
  if (moment === undefined) {
    moment = berlinWallTime(addDays(lastDay, -offsetDays), REMINDER_HOUR).toISOString();
    if (moments.size >= 50_000) moments.clear();
    moments.set(key, moment);
  }
  return moment;
}

/**
 * What an open deadline still needs: each reminder of the ladder closer to the due moment than
 * any issued for it, whose moment lies after the deadline was opened (or extended) and before it
 * is due and that someone is to receive, and the due moment. Nothing for a deadline that is no
 * longer open.
 */
export function pendingFirings(state: KnownDeadline): Firing[] {
  if (state.status !== 'open') return [];
  const { deadlineId, dueAt, lastDay, reminderOffsetsDays } = state.deadline;
  const since = Date.parse(state.since);
  const due = Date.parse(dueAt);
  // A reminder closer to the due moment has gone out: the ones before it are past for good.
  const closestIssued = Math.min(
    ...state.reminders.filter((r) => r.dueAt === dueAt).map((r) => r.offsetDays),
    Number.POSITIVE_INFINITY,
  );
  const firings: Firing[] = [];
  for (const offsetDays of [...reminderOffsetsDays].sort((a, b) => b - a)) {
    const fireAt = reminderMoment(lastDay, offsetDays);
    const at = Date.parse(fireAt);
    if (at < since || at >= due || offsetDays >= closestIssued) continue;
    if (addresseesAt(state, fireAt) === null) continue;
    firings.push({ deadlineId, firing: 'reminder', offsetDays, dueAt, fireAt });
  }
  firings.push({ deadlineId, firing: 'due', dueAt, fireAt: dueAt });
  return firings;
}

/**
 * The one firing an open deadline waits for next: the earliest pending one, or, when several are
 * already overdue (after an outage), the latest of those, since a fresher reminder or the due
 * moment supersedes the older ones. One queued job per deadline keeps Redis small; each firing
 * queues the next: one planned `after` the moment of the firing that just ran.
 */
export function nextFiring(state: KnownDeadline, now: number, after?: string): Firing | undefined {
  const from = after === undefined ? Number.NEGATIVE_INFINITY : Date.parse(after);
  const pending = pendingFirings(state).filter((f) => Date.parse(f.fireAt) > from);
  const overdue = pending.filter((f) => Date.parse(f.fireAt) <= now);
  return overdue.length > 0 ? overdue[overdue.length - 1] : pending[0];
}

/** Every firing a due moment could have had, issued or not: what to remove when it no longer applies. */
export function allFiringsFor(state: KnownDeadline, dueAt: string, lastDay: string): Firing[] {
  const { deadlineId, reminderOffsetsDays } = state.deadline;
  return [
    ...reminderOffsetsDays.map((offsetDays): Firing => ({
      deadlineId,
      firing: 'reminder',
      offsetDays,
      dueAt,
      fireAt: reminderMoment(lastDay, offsetDays),
    })),
    { deadlineId, firing: 'due', dueAt, fireAt: dueAt },
  ];
}

/**
 * The BullMQ job id of a firing: `deadline|<deadlineId>|<reminder-14|due>|<dueAt compact>`.
 * BullMQ refuses ':' in custom ids (it separates its own keys) and ids that look like integers;
 * deadline ids never contain '|'. The due moment is part of the id, so an extension schedules
 * new jobs instead of colliding with the old ones.
 */
export function firingJobId(firing: Pick<Firing, 'deadlineId' | 'firing' | 'offsetDays' | 'dueAt'>): string {
  const what = firing.firing === 'due' ? 'due' : `reminder-${firing.offsetDays}`;
  const dueAt = firing.dueAt.replace(/[-:]/g, '').replace(/\.000Z$/, 'Z');
  return `deadline|${firing.deadlineId}|${what}|${dueAt}`;
}

/**
 * Group firing: the firings due within one such window (wall-clock seconds of business time)
 * share one job, which starts at the window's beginning and records each firing at its own moment.
 */
export const GROUP_WINDOW_MS = 1000;

/** The beginning of the window a moment falls in (ms). */
export function windowOf(atMs: number): number {
  return Math.floor(atMs / GROUP_WINDOW_MS) * GROUP_WINDOW_MS;
}

/**
 * The BullMQ job id of a due instant (group firing): `instant|<fireAt compact>`. One job fires
 * every open deadline whose next firing falls at that instant, in one group commit.
 */
export function instantJobId(fireAt: string): string {
  return `instant|${fireAt.replace(/[-:]/g, '').replace(/\.000Z$/, 'Z')}`;
}

/** What an instant job carries: its moment (as `fireAt`, which clock jumps and delays read). */
export interface InstantJob {
  instant: true;
  fireAt: string;
}

export function isInstantJob(data: unknown): data is InstantJob {
  return typeof data === 'object' && data !== null && (data as InstantJob).instant === true;
}
