import type { NewEvent } from '@app/eventsourcing';
import { notificationIdFor } from '@app/notifications';
import { BusinessCalendar, berlinWallTime, endOfDayInBerlin } from '@app/shared';
import {
  day,
  DEADLINE_MANAGER,
  DISPATCHER,
  event,
  type LifecycleAppend,
  type Municipality,
} from './lifecycle-shapes';

export { day };

const calendar = new BusinessCalendar();
/** The default reminder ladder (docs/events.md: deadlines). */
const LADDER = [14, 7, 1, 0];

export interface BenchDeadline {
  deadlineId: string;
  kind: string;
  programmeId: string;
  subject: Record<string, string>;
  obligedAgs: string[];
  dueDate: string;
  lastDay: string;
  dueAt: string;
  fixed: boolean;
  openedAt: string;
}

/**
 * A deadline as the deadline manager opens it from its cause: id `<kind>.<subject>`, § 193 BGB
 * applied unless fixed, `dueAt` 24:00 Berlin of the last day (or the instant the cause names).
 */
export function openDeadline(
  kind: string,
  key: string,
  parties: { programmeId: string; subject: Record<string, string>; obligedAgs: string[] },
  due: { dueDate: string; fixed: boolean; dueAt?: string },
  cause: NewEvent,
): { deadline: BenchDeadline; append: LifecycleAppend } {
  const end = calendar.deadlineEnd(due.dueDate, { fixed: due.fixed });
  const openedAt = cause.metadata.occurredAt;
  const deadline: BenchDeadline = {
    deadlineId: `${kind}.${key}`,
    kind,
    ...parties,
    dueDate: end.dueDate,
    lastDay: end.lastDay,
    dueAt: due.dueAt ?? end.dueAt,
    fixed: end.fixed,
    openedAt,
  };
  const opened = event(
    'DeadlineOpened',
    { ...deadline, reminderOffsetsDays: LADDER, cause: cause.metadata.eventId },
    openedAt,
    DEADLINE_MANAGER,
  );
  return { deadline, append: { streamId: `deadline-${deadline.deadlineId}`, events: [opened] } };
}

/**
 * The reminders planned in [`after`, `until`) (until: when the deadline was met, or its end),
 * each followed by the notifications the dispatcher records for it: the inbox entry, and for a
 * municipality its e-mail queued and delivered. `addressees` names whom a reminder reminds: by
 * default the obliged (none: the grants office); a call's closing with no applicant left to
 * remind is not reminded at all.
 */
export function* remind(
  deadline: BenchDeadline,
  until: string,
  after = deadline.openedAt,
  addressees: string[] = deadline.obligedAgs,
): Generator<LifecycleAppend> {
  for (const offsetDays of LADDER) {
    const remindAt = berlinWallTime(day(deadline.lastDay, -offsetDays), 8).toISOString();
    if (remindAt < after || remindAt < deadline.openedAt || remindAt >= until) continue;
    if (deadline.kind === 'call-closes' && addressees.length === 0) continue;
    const { deadlineId, kind, programmeId, subject, dueDate, dueAt } = deadline;
    const obligedAgs = addressees;
    const reminder = event(
      'DeadlineReminderIssued',
      {
        deadlineId,
        kind,
        programmeId,
        subject,
        obligedAgs,
        offsetDays,
        dueDate,
        dueAt,
        remindAt,
        issuedAt: remindAt,
      },
      remindAt,
      DEADLINE_MANAGER,
    );
    yield { streamId: `deadline-${deadlineId}`, events: [reminder] };
    const recipients = obligedAgs.length === 0 ? [null] : obligedAgs;
    for (const ags of recipients) yield notify(reminder, ags);
  }
}

function notify(cause: NewEvent, ags: string | null): LifecycleAppend {
  const notificationId = notificationIdFor(cause.metadata.eventId, ags);
  const base = { notificationId, ags, cause: cause.metadata.eventId };
  const when = cause.metadata.occurredAt;
  const events = [
    event('NotificationDelivered', { ...base, channel: 'inbox', attempt: 1 }, when, DISPATCHER),
  ];
  if (ags !== null) {
    const jobId = `notify.${notificationId}.email`;
    const sent = new Date(Date.parse(when) + 2000).toISOString();
    events.push(
      event('NotificationQueued', { ...base, channel: 'email', attempt: 0, jobId }, when, DISPATCHER),
      event('NotificationDelivered', { ...base, channel: 'email', attempt: 1 }, sent, DISPATCHER),
    );
  }
  return { streamId: `notification-${notificationId}`, events };
}

/**
 * A municipality obliged by an open deadline from `cause` on (a call's closing: the lead applicant
 * from its draft), or its part done (`done`: it submitted).
 */
export function obligation(
  deadline: BenchDeadline,
  ags: string,
  applicationId: string,
  cause: NewEvent,
  done = false,
): LifecycleAppend {
  const at = cause.metadata.occurredAt;
  const data = done
    ? { deadlineId: deadline.deadlineId, ags, applicationId, by: cause.metadata.eventId, metAt: at }
    : { deadlineId: deadline.deadlineId, ags, applicationId, cause: cause.metadata.eventId, addedAt: at };
  const type = done ? 'DeadlineObligationMet' : 'DeadlineObligationAdded';
  return { streamId: `deadline-${deadline.deadlineId}`, events: [event(type, data, at, DEADLINE_MANAGER)] };
}

/** Met by the event that fulfils it, or, for a deadline that just runs out, elapsed at its end. */
export function meet(deadline: BenchDeadline, by: NewEvent, elapsed = false): LifecycleAppend {
  const metAt = elapsed ? deadline.dueAt : by.metadata.occurredAt;
  const data = {
    deadlineId: deadline.deadlineId,
    metAt,
    by: by.metadata.eventId,
    ...(elapsed ? { elapsed } : {}),
  };
  return {
    streamId: `deadline-${deadline.deadlineId}`,
    events: [event('DeadlineMet', data, metAt, DEADLINE_MANAGER)],
  };
}

/** Every municipality's channels, set once: the e-mail reminders go to. */
export function* channels(all: Municipality[], when: string): Generator<LifecycleAppend> {
  for (const m of all) {
    yield {
      streamId: `notification-settings-${m.ags}`,
      events: [
        event(
          'NotificationChannelsSet',
          {
            ags: m.ags,
            email: `jugendamt.${m.ags}@kommune.example`,
            calendarTokenSealed: `v1.${Buffer.from(`bench-calendar-${m.ags}`).toString('base64url')}`,
          },
          when,
          m.ags,
        ),
      ],
    };
  }
}

export const endOfDay = (date: string) => endOfDayInBerlin(date).toISOString();
