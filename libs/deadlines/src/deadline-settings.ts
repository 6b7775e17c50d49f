import { streamName } from '@app/eventsourcing';
import { DEFAULT_REMINDER_OFFSETS_DAYS } from './firings';

export const SUPPORTED_TIME_ZONE = 'Europe/Berlin';

export interface DeadlineSettings {
  programmeId: string;
  /** Days before the last day a reminder goes out; 0 is the day itself. */
  reminderOffsetsDays: number[];
  timeZone: string;
  /** Stated due dates the programme keeps although they fall on a weekend or holiday (no § 193 shift). */
  fixedDates: string[];
}

/** Applies to deadlines opened from now on; open ones keep the ladder they were opened with. */
export type DeadlineSettingsChanged = {
  type: 'DeadlineSettingsChanged';
  data: DeadlineSettings & { changedBy: string; changedAt: string };
};

export type DeadlineSettingsEvent = DeadlineSettingsChanged;

export type DeadlineSettingsState = { status: 'default' } | { status: 'set'; settings: DeadlineSettings };

export const deadlineSettingsStream = (programmeId: string) => streamName('deadline-settings', programmeId);

export function defaultDeadlineSettings(programmeId: string): DeadlineSettings {
  return {
    programmeId,
    reminderOffsetsDays: [...DEFAULT_REMINDER_OFFSETS_DAYS],
    timeZone: SUPPORTED_TIME_ZONE,
    fixedDates: [],
  };
}

export function initialDeadlineSettingsState(): DeadlineSettingsState {
  return { status: 'default' };
}

export function evolveDeadlineSettings(
  _state: DeadlineSettingsState,
  event: DeadlineSettingsEvent,
): DeadlineSettingsState {
  const { changedBy: _by, changedAt: _at, ...settings } = event.data;
  return { status: 'set', settings };
}

export function settingsOf(state: DeadlineSettingsState, programmeId: string): DeadlineSettings {
  return state.status === 'set' ? state.settings : defaultDeadlineSettings(programmeId);
}
