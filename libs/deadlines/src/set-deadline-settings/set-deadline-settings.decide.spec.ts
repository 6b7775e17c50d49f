import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  DuplicateFixedDate,
  DuplicateReminderOffset,
  NegativeReminderOffset,
  ReminderOffsetTooLarge,
  TooManyReminders,
  UnknownTimeZone,
  UnsupportedTimeZone,
} from '../errors';
import { setDeadlineSettingsDecider } from './set-deadline-settings.decide';

const spec = deciderSpecification(setDeadlineSettingsDecider);
const settings = (overrides: object = {}) => ({
  programmeId: 'kkz',
  programmeExists: true,
  reminderOffsetsDays: [1, 14, 0, 7],
  timeZone: 'Europe/Berlin',
  fixedDates: [],
  by: 'grants-office:dev',
  now: '2011-11-01T09:00:00.000Z',
  ...overrides,
});
const changed = {
  type: 'DeadlineSettingsChanged' as const,
  data: {
    programmeId: 'kkz',
    reminderOffsetsDays: [14, 7, 1, 0],
    timeZone: 'Europe/Berlin',
    fixedDates: [],
    changedBy: 'grants-office:dev',
    changedAt: '2011-11-01T09:00:00.000Z',
  },
};

describe('set a programme’s deadline settings', () => {
  it('records the reminder ladder, latest reminder last', () =>
    spec.given([]).when(settings()).then([changed]));

  it('records nothing when the settings are already in force', () =>
    spec.given([changed]).when(settings()).then([]));

  it('refuses negative and duplicate offsets, too many and too early ones', () => {
    spec
      .given([])
      .when(settings({ reminderOffsetsDays: [7, -1] }))
      .thenThrows(NegativeReminderOffset, 'negative-reminder-offset');
    spec
      .given([])
      .when(settings({ reminderOffsetsDays: [7, 7] }))
      .thenThrows(DuplicateReminderOffset, 'duplicate-reminder-offset');
    spec
      .given([])
      .when(settings({ reminderOffsetsDays: [400] }))
      .thenThrows(ReminderOffsetTooLarge, 'reminder-offset-too-large');
    spec
      .given([])
      .when(settings({ reminderOffsetsDays: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }))
      .thenThrows(TooManyReminders, 'too-many-reminders');
  });

  it('refuses an unknown time zone, and any zone but Europe/Berlin', () => {
    spec
      .given([])
      .when(settings({ timeZone: 'Mars/Olympus_Mons' }))
      .thenThrows(UnknownTimeZone, 'unknown-time-zone');
    spec
      .given([])
      .when(settings({ timeZone: 'America/New_York' }))
      .thenThrows(UnsupportedTimeZone, 'unsupported-time-zone');
  });

  it('refuses a fixed date listed twice and an unknown programme', () => {
    spec
      .given([])
      .when(settings({ fixedDates: ['2017-12-23', '2017-12-23'] }))
      .thenThrows(DuplicateFixedDate, 'duplicate-fixed-date');
    spec
      .given([])
      .when(settings({ programmeExists: false }))
      .thenThrows(NotFound, 'not-found');
  });
});
