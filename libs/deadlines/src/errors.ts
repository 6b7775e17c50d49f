import { DomainError, germanClosing, germanDate, type LocalizedText } from '@app/eventsourcing';

/** A deadline's status in the words of each language. */
const STATUS: Record<string, LocalizedText> = {
  open: { de: 'offen', en: 'open' },
  met: { de: 'bereits eingehalten', en: 'met' },
  missed: { de: 'bereits versäumt', en: 'missed' },
  cancelled: { de: 'aufgehoben', en: 'cancelled' },
};

/** The kinds of deadline as the grants office names them. */
const KIND: Record<string, string> = {
  'call-closes': 'Ende der Einreichungsfrist eines Aufrufs',
  'council-resolution-due': 'Frist für den Ratsbeschluss',
  'esf-report-due': 'Frist für den ESF-Bericht',
  'proof-of-use-due': 'Frist für den Verwendungsnachweis',
  'survey-closes': 'Ende einer Befragung',
  'phase-ends': 'Ende einer Förderphase',
};

export class DeadlineClosed extends DomainError {
  readonly code = 'deadline-closed';
  readonly kind = 'rule-violated';
  constructor(deadlineId: string, status: string) {
    super(
      {
        de: `Die Frist ${deadlineId} ist ${STATUS[status]?.de ?? status} und kann nicht mehr geändert werden.`,
        en: `Deadline ${deadlineId} is ${status}; it can no longer be changed.`,
      },
      { deadlineId, deadlineStatus: status },
    );
  }
}

export class ExtensionIntoPast extends DomainError {
  readonly code = 'extension-into-past';
  readonly kind = 'rule-violated';
  constructor(dueDate: string, dueAt: string, now: string) {
    super(
      {
        de: `Eine Verlängerung bis zum ${germanDate(dueDate)} endete am ${germanClosing(dueAt)} und damit in der Vergangenheit (jetzt: ${germanDate(now)}).`,
        en: `An extension to ${dueDate} would end at ${dueAt}, which has already passed (now: ${now}).`,
      },
      { dueDate, dueAt, now },
    );
  }
}

export class ExtensionNotLater extends DomainError {
  readonly code = 'extension-not-later';
  readonly kind = 'rule-violated';
  constructor(dueDate: string, currentDueAt: string) {
    super(
      {
        de: `Eine Verlängerung muss später enden als die Frist bisher (${germanClosing(currentDueAt)}); der ${germanDate(dueDate)} tut das nicht.`,
        en: `An extension must end later than the deadline does now (${currentDueAt}); ${dueDate} does not.`,
      },
      { dueDate, currentDueAt },
    );
  }
}

export class ReasonMissing extends DomainError {
  readonly code = 'reason-missing';
  readonly kind = 'rule-violated';
  constructor(what: string) {
    super({
      de: `${what === 'cancellation' ? 'Die Aufhebung' : 'Die Verlängerung'} einer Frist braucht eine Begründung für die Akte.`,
      en: `A ${what} needs a reason, for the record.`,
    });
  }
}

export class NegativeReminderOffset extends DomainError {
  readonly code = 'negative-reminder-offset';
  readonly kind = 'rule-violated';
  constructor(offset: number) {
    super(
      {
        de: `Erinnerungen gehen vor Fristende oder an seinem Tag hinaus; ${offset} Tage liegen danach.`,
        en: `Reminders are sent before a deadline or on its day; ${offset} days is after it.`,
      },
      { offset },
    );
  }
}

export class DuplicateReminderOffset extends DomainError {
  readonly code = 'duplicate-reminder-offset';
  readonly kind = 'rule-violated';
  constructor(offset: number) {
    super(
      {
        de: `Die Erinnerung ${offset} Tage vor Fristende ist doppelt genannt.`,
        en: `The reminder ${offset} days before is listed twice.`,
      },
      { offset },
    );
  }
}

export class ReminderOffsetTooLarge extends DomainError {
  readonly code = 'reminder-offset-too-large';
  readonly kind = 'rule-violated';
  constructor(offset: number, max: number) {
    super(
      {
        de: `Eine Erinnerung ${offset} Tage vor Fristende ist zu früh; höchstens ${max} Tage sind möglich.`,
        en: `A reminder ${offset} days before a deadline is too early; at most ${max} days.`,
      },
      { offset, max },
    );
  }
}

export class TooManyReminders extends DomainError {
  readonly code = 'too-many-reminders';
  readonly kind = 'rule-violated';
  constructor(count: number, max: number) {
    super(
      {
        de: `${count} Erinnerungen je Frist sind zu viele; höchstens ${max} sind möglich.`,
        en: `${count} reminders per deadline are too many; at most ${max}.`,
      },
      { count, max },
    );
  }
}

export class UnknownTimeZone extends DomainError {
  readonly code = 'unknown-time-zone';
  readonly kind = 'rule-violated';
  constructor(timeZone: string) {
    super(
      {
        de: `„${timeZone}“ ist keine Zeitzone der IANA-Zeitzonendatenbank.`,
        en: `"${timeZone}" is not a time zone of the IANA database.`,
      },
      { timeZone },
    );
  }
}

export class UnsupportedTimeZone extends DomainError {
  readonly code = 'unsupported-time-zone';
  readonly kind = 'rule-violated';
  constructor(timeZone: string) {
    super(
      {
        de: `Fristen von Programmen des Landes NRW enden um 24:00 Uhr deutscher Zeit (Europe/Berlin); die Zeitzone ${timeZone} wird nicht unterstützt.`,
        en: `Deadlines of NRW programmes end at 24:00 Europe/Berlin; ${timeZone} is not supported.`,
      },
      { timeZone, supported: ['Europe/Berlin'] },
    );
  }
}

export class DuplicateFixedDate extends DomainError {
  readonly code = 'duplicate-fixed-date';
  readonly kind = 'rule-violated';
  constructor(date: string) {
    super(
      {
        de: `Der feste Termin ${germanDate(date)} ist doppelt genannt.`,
        en: `The fixed date ${date} is listed twice.`,
      },
      { date },
    );
  }
}

export class DeadlineFollowsItsCause extends DomainError {
  readonly code = 'deadline-follows-its-cause';
  readonly kind = 'rule-violated';
  constructor(deadlineId: string, kind: string) {
    super(
      {
        de: `Die Frist ${deadlineId} (${KIND[kind] ?? kind}) ergibt sich aus dem Aufruf bzw. dem Zuwendungsbescheid; bitte dort ändern.`,
        en: `Deadline ${deadlineId} (${kind}) is the end the call or grant notice states; change that record instead.`,
      },
      { deadlineId, kind },
    );
  }
}
