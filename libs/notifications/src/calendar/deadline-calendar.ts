import type { DeadlineFacts } from '../deadline-facts';
import { deadlineTitle, germanDate, lastDayOf } from '../messages/deadline-message';
import type { NoticeNames } from '../messages/name-book';
import { type IcalComponent, type IcalProperty, icalDate, icalDateTime, serializeIcal, text } from './ical';

export const CALENDAR_PRODID = '-//Land NRW//Kommunale Praeventionsketten Fristen 1.0//DE';
const UID_DOMAIN = 'fristen.praeventionsketten.nrw.de';

export interface CalendarOwner {
  ags: string;
  name?: string;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The hour of the morning a calendar alarm rings: 08:00, when the worker's reminder of the same
 * offset goes out (deadlines' REMINDER_HOUR; contexts share no code, so it is stated here too).
 */
export const ALARM_HOUR = 8;

/** A reminder d days before the last day, at 08:00 on that morning (relative to DTSTART 00:00). */
function alarmTrigger(offsetDays: number): string {
  const hours = offsetDays * 24 - ALARM_HOUR;
  if (hours <= 0) return `PT${-hours}H`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `-P${days > 0 ? `${days}D` : ''}${rest > 0 ? `T${rest}H` : ''}`;
}

function deadlineEvent(deadline: DeadlineFacts, names?: NoticeNames): IcalComponent {
  const title = deadlineTitle(deadline.kind, deadline.subject, deadline.deadlineId, names);
  const lastDay = lastDayOf(deadline.dueAt);
  const moved =
    deadline.statedDueDate && deadline.statedDueDate !== lastDay
      ? `\nGenannter Termin: ${germanDate(deadline.statedDueDate)} (nach § 193 BGB verschoben)`
      : '';
  const description =
    `Frist: ${title}\nFällig: ${germanDate(lastDay)}, 24:00 Uhr (Berliner Zeit)${moved}` +
    `${deadline.missed ? '\nDie Frist ist abgelaufen und noch nicht erfüllt.' : ''}`;
  const stamp = icalDateTime(deadline.changedAt);
  const properties: IcalProperty[] = [
    { name: 'UID', value: `${deadline.deadlineId}@${UID_DOMAIN}` },
    { name: 'DTSTAMP', value: stamp },
    { name: 'LAST-MODIFIED', value: stamp },
    { name: 'SEQUENCE', value: String(deadline.sequence) },
    { name: 'DTSTART', value: icalDate(lastDay), params: { VALUE: 'DATE' } },
    { name: 'DTEND', value: icalDate(nextDay(lastDay)), params: { VALUE: 'DATE' } },
    text('SUMMARY', `${deadline.missed ? 'Überfällig' : 'Frist'}: ${title}`),
    text('DESCRIPTION', description),
    text('CATEGORIES', 'Frist'),
    { name: 'TRANSP', value: 'TRANSPARENT' },
    { name: 'STATUS', value: 'CONFIRMED' },
  ];
  const alarms: IcalComponent[] = [...new Set(deadline.reminderOffsetsDays)]
    .filter((d) => Number.isInteger(d) && d >= 0)
    .sort((a, b) => b - a)
    .map((d) => ({
      name: 'VALARM',
      properties: [
        { name: 'ACTION', value: 'DISPLAY' },
        text('DESCRIPTION', `Erinnerung: ${title}`),
        { name: 'TRIGGER', value: alarmTrigger(d) },
      ],
    }));
  return { name: 'VEVENT', properties, components: alarms };
}

/**
 * The open deadlines of one municipality as a published calendar (one all-day event on the last
 * day of each, so no time zone is needed). Met and cancelled deadlines leave the feed; a client
 * refreshing it drops them. UIDs are stable per deadline, SEQUENCE counts extensions.
 */
export function deadlineCalendar(
  owner: CalendarOwner,
  deadlines: DeadlineFacts[],
  names?: NoticeNames,
): string {
  const label = owner.name ?? owner.ags;
  const open = deadlines
    .filter((d) => d.status === 'open' && lastDayOf(d.dueAt) !== '')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.deadlineId.localeCompare(b.deadlineId));
  return serializeIcal({
    name: 'VCALENDAR',
    properties: [
      { name: 'VERSION', value: '2.0' },
      { name: 'PRODID', value: CALENDAR_PRODID },
      { name: 'CALSCALE', value: 'GREGORIAN' },
      { name: 'METHOD', value: 'PUBLISH' },
      text('X-WR-CALNAME', `Förderfristen – ${label}`),
      text('X-WR-CALDESC', `Offene Fristen aus den Förderprogrammen für ${label}`),
      { name: 'X-WR-TIMEZONE', value: 'Europe/Berlin' },
      { name: 'REFRESH-INTERVAL', value: 'PT1H', params: { VALUE: 'DURATION' } },
      { name: 'X-PUBLISHED-TTL', value: 'PT1H' },
    ],
    components: open.map((d) => deadlineEvent(d, names)),
  });
}

/**
 * One deadline as an iCalendar object to attach to an e-mail (METHOD:PUBLISH, as the feed): the
 * same UID and SEQUENCE as its event in the feed, so a calendar that has both keeps one.
 */
export function deadlineInvitation(deadline: DeadlineFacts, names?: NoticeNames): string {
  return serializeIcal({
    name: 'VCALENDAR',
    properties: [
      { name: 'VERSION', value: '2.0' },
      { name: 'PRODID', value: CALENDAR_PRODID },
      { name: 'CALSCALE', value: 'GREGORIAN' },
      { name: 'METHOD', value: 'PUBLISH' },
    ],
    components: [deadlineEvent(deadline, names)],
  });
}
