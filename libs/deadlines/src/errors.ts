import { DomainError } from '@app/eventsourcing';

export class DeadlineClosed extends DomainError {
  readonly code = 'deadline-closed';
  readonly kind = 'rule-violated';
  constructor(deadlineId: string, status: string) {
    super(`Deadline ${deadlineId} is ${status}; it can no longer be changed.`, {
      deadlineId,
      deadlineStatus: status,
    });
  }
}

export class ExtensionIntoPast extends DomainError {
  readonly code = 'extension-into-past';
  readonly kind = 'rule-violated';
  constructor(dueDate: string, dueAt: string, now: string) {
    super(`An extension to ${dueDate} would end at ${dueAt}, which has already passed (now: ${now}).`, {
      dueDate,
      dueAt,
      now,
    });
  }
}

export class ExtensionNotLater extends DomainError {
  readonly code = 'extension-not-later';
  readonly kind = 'rule-violated';
  constructor(dueDate: string, currentDueAt: string) {
    super(`An extension must end later than the deadline does now (${currentDueAt}); ${dueDate} does not.`, {
      dueDate,
      currentDueAt,
    });
  }
}

export class ReasonMissing extends DomainError {
  readonly code = 'reason-missing';
  readonly kind = 'rule-violated';
  constructor(what: string) {
    super(`A ${what} needs a reason, for the record.`);
  }
}

export class NegativeReminderOffset extends DomainError {
  readonly code = 'negative-reminder-offset';
  readonly kind = 'rule-violated';
  constructor(offset: number) {
    super(`Reminders are sent before a deadline or on its day; ${offset} days is after it.`, { offset });
  }
}

export class DuplicateReminderOffset extends DomainError {
  readonly code = 'duplicate-reminder-offset';
  readonly kind = 'rule-violated';
  constructor(offset: number) {
    super(`The reminder ${offset} days before is listed twice.`, { offset });
  }
}

export class ReminderOffsetTooLarge extends DomainError {
  readonly code = 'reminder-offset-too-large';
  readonly kind = 'rule-violated';
  constructor(offset: number, max: number) {
    super(`A reminder ${offset} days before a deadline is too early; at most ${max} days.`, { offset, max });
  }
}

export class TooManyReminders extends DomainError {
  readonly code = 'too-many-reminders';
  readonly kind = 'rule-violated';
  constructor(count: number, max: number) {
    super(`${count} reminders per deadline are too many; at most ${max}.`, { count, max });
  }
}

export class UnknownTimeZone extends DomainError {
  readonly code = 'unknown-time-zone';
  readonly kind = 'rule-violated';
  constructor(timeZone: string) {
    super(`"${timeZone}" is not a time zone of the IANA database.`, { timeZone });
  }
}

export class UnsupportedTimeZone extends DomainError {
  readonly code = 'unsupported-time-zone';
  readonly kind = 'rule-violated';
  constructor(timeZone: string) {
    super(`Deadlines of NRW programmes end at 24:00 Europe/Berlin; ${timeZone} is not supported.`, {
      timeZone,
      supported: ['Europe/Berlin'],
    });
  }
}

export class DuplicateFixedDate extends DomainError {
  readonly code = 'duplicate-fixed-date';
  readonly kind = 'rule-violated';
  constructor(date: string) {
    super(`The fixed date ${date} is listed twice.`, { date });
  }
}

export class DeadlineFollowsItsCause extends DomainError {
  readonly code = 'deadline-follows-its-cause';
  readonly kind = 'rule-violated';
  constructor(deadlineId: string, kind: string) {
    super(
      `Deadline ${deadlineId} (${kind}) is the end the call or grant notice states; change that record instead.`,
      { deadlineId, kind },
    );
  }
}
