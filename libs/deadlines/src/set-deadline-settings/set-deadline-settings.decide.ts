import { type Decider, NotFound } from '@app/eventsourcing';
import {
  type DeadlineSettingsEvent,
  type DeadlineSettingsState,
  evolveDeadlineSettings,
  initialDeadlineSettingsState,
  settingsOf,
  SUPPORTED_TIME_ZONE,
} from '../deadline-settings';
import {
  DuplicateFixedDate,
  DuplicateReminderOffset,
  NegativeReminderOffset,
  ReminderOffsetTooLarge,
  TooManyReminders,
  UnknownTimeZone,
  UnsupportedTimeZone,
} from '../errors';

export const MAX_REMINDER_OFFSET_DAYS = 365;
export const MAX_REMINDERS = 10;

export interface SetDeadlineSettings {
  programmeId: string;
  /** Outside fact: whether the programme exists. */
  programmeExists: boolean;
  reminderOffsetsDays: number[];
  timeZone: string;
  fixedDates: string[];
  by: string;
  now: string;
}

/** Whether the runtime's IANA database knows the zone (computation only, no I/O). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The grants office sets a programme's reminder ladder and the dates it keeps fixed. Offsets are
 * whole days before the last day (0: on the day), each once; only Europe/Berlin is supported,
 * because deadlines end at 24:00 Berlin time by law. Setting what is already set records nothing.
 */
export function setDeadlineSettings(
  command: SetDeadlineSettings,
  state: DeadlineSettingsState,
): DeadlineSettingsEvent[] {
  if (!command.programmeExists) throw new NotFound('Programme', command.programmeId);
  const offsets = command.reminderOffsetsDays;
  if (offsets.length > MAX_REMINDERS) throw new TooManyReminders(offsets.length, MAX_REMINDERS);
  offsets.forEach((offset, i) => {
    if (offset < 0) throw new NegativeReminderOffset(offset);
    if (offset > MAX_REMINDER_OFFSET_DAYS) throw new ReminderOffsetTooLarge(offset, MAX_REMINDER_OFFSET_DAYS);
    if (offsets.indexOf(offset) !== i) throw new DuplicateReminderOffset(offset);
  });
  if (!isKnownTimeZone(command.timeZone)) throw new UnknownTimeZone(command.timeZone);
  if (command.timeZone !== SUPPORTED_TIME_ZONE) throw new UnsupportedTimeZone(command.timeZone);
  command.fixedDates.forEach((date, i) => {
    if (command.fixedDates.indexOf(date) !== i) throw new DuplicateFixedDate(date);
  });
  const settings = {
    programmeId: command.programmeId,
    reminderOffsetsDays: [...offsets].sort((a, b) => b - a),
    timeZone: command.timeZone,
    fixedDates: [...command.fixedDates].sort(),
  };
  const current = settingsOf(state, command.programmeId);
  if (state.status === 'set' && JSON.stringify(current) === JSON.stringify(settings)) return [];
  return [
    { type: 'DeadlineSettingsChanged', data: { ...settings, changedBy: command.by, changedAt: command.now } },
  ];
}

export const setDeadlineSettingsDecider: Decider<
  SetDeadlineSettings,
  DeadlineSettingsEvent,
  DeadlineSettingsState
> = {
  decide: setDeadlineSettings,
  evolve: evolveDeadlineSettings,
  initialState: initialDeadlineSettingsState,
};
