import type { DomainEvent } from '@app/eventsourcing';

/**
 * The deadline events as docs/events.md promises them: notifications read them from the store
 * and import nothing from the deadlines context, so either side can change inside its contract.
 */
export type DeadlineKind =
  | 'call-closes'
  | 'council-resolution-due'
  | 'esf-report-due'
  | 'proof-of-use-due'
  | 'survey-closes'
  | 'phase-ends';

export interface DeadlineSubject {
  callId?: string;
  applicationId?: string;
  grantId?: string;
  reportId?: string;
  surveyId?: string;
}

export type DeadlineContractEvent =
  | DomainEvent<
      'DeadlineOpened',
      {
        deadlineId: string;
        kind: DeadlineKind | string;
        programmeId?: string;
        subject: DeadlineSubject;
        /** Empty: the grants office itself is obliged. */
        obligedAgs: string[];
        dueDate: string;
        dueAt: string;
        reminderOffsetsDays: number[];
      }
    >
  | DomainEvent<
      'DeadlineReminderIssued',
      {
        deadlineId: string;
        kind: string;
        offsetDays: number;
        dueAt: string;
        obligedAgs: string[];
        issuedAt: string;
      }
    >
  | DomainEvent<
      'DeadlineExtended',
      {
        deadlineId: string;
        dueDate: string;
        dueAt: string;
        reason?: string;
        extendedAt?: string;
        /** Whom to tell (a call's closing extended); absent: nobody. */
        notify?: string[];
      }
    >
  | DomainEvent<'DeadlineMet', { deadlineId: string; metAt: string }>
  | DomainEvent<'DeadlineMissed', { deadlineId: string; dueAt: string; missedAt: string }>
  | DomainEvent<'DeadlineEscalated', { deadlineId: string; to: 'grants-office'; at: string }>
  | DomainEvent<'DeadlineCancelled', { deadlineId: string; reason?: string }>
  | DomainEvent<
      'DeadlineSubjectAmended',
      {
        deadlineId: string;
        reason: string;
        changed: string[];
        amendedAt: string;
        /** Whom to tell: every municipality the deadline obliged when its subject was amended. */
        notify: string[];
      }
    >;

/** The events a municipality (or the grants office) is told about. */
export const NOTIFYING_EVENT_TYPES = [
  'DeadlineReminderIssued',
  'DeadlineExtended',
  'DeadlineSubjectAmended',
  'DeadlineMissed',
  'DeadlineEscalated',
] as const;
export type NotifyingEventType = (typeof NOTIFYING_EVENT_TYPES)[number];

export function isNotifying(type: string): type is NotifyingEventType {
  return (NOTIFYING_EVENT_TYPES as readonly string[]).includes(type);
}

const DEADLINE_EVENT_TYPES = new Set<string>([
  'DeadlineOpened',
  'DeadlineReminderIssued',
  'DeadlineExtended',
  'DeadlineMet',
  'DeadlineMissed',
  'DeadlineEscalated',
  'DeadlineCancelled',
  'DeadlineSubjectAmended',
]);

export function isDeadlineEvent(event: { type: string }): event is DeadlineContractEvent {
  return DEADLINE_EVENT_TYPES.has(event.type);
}

/** One deadline as notifications need it: what, for whom, until when, and whether still open. */
export interface DeadlineFacts {
  deadlineId: string;
  kind: string;
  /** The programme the deadline belongs to, where its opening named it. */
  programmeId?: string;
  subject: DeadlineSubject;
  obligedAgs: string[];
  /** The date as stated (before § 193 BGB moved it off a weekend or holiday). */
  statedDueDate: string;
  /** The instant it ends: 24:00 Berlin time of its last day. */
  dueAt: string;
  reminderOffsetsDays: number[];
  status: 'open' | 'met' | 'cancelled';
  missed: boolean;
  /** How often it was changed since opening (iCalendar SEQUENCE). */
  sequence: number;
  /** When it was last changed (iCalendar DTSTAMP / LAST-MODIFIED). */
  changedAt: string;
}

/**
 * Folds one deadline's events. `at` is the event's business time. Events of a deadline that was
 * never opened (e.g. read from the middle of a stream) leave it unknown.
 */
export function evolveDeadlineFacts(
  facts: DeadlineFacts | undefined,
  event: DeadlineContractEvent,
  at: string,
): DeadlineFacts | undefined {
  if (event.type === 'DeadlineOpened') {
    const d = event.data;
    return {
      deadlineId: d.deadlineId,
      kind: d.kind,
      ...(d.programmeId ? { programmeId: d.programmeId } : {}),
      subject: d.subject ?? {},
      obligedAgs: d.obligedAgs ?? [],
      statedDueDate: d.dueDate,
      dueAt: d.dueAt,
      reminderOffsetsDays: d.reminderOffsetsDays ?? [],
      status: 'open',
      missed: false,
      sequence: 0,
      changedAt: at,
    };
  }
  if (!facts) return undefined;
  switch (event.type) {
    case 'DeadlineExtended':
      return {
        ...facts,
        statedDueDate: event.data.dueDate,
        dueAt: event.data.dueAt,
        missed: false,
        sequence: facts.sequence + 1,
        changedAt: at,
      };
    case 'DeadlineMet':
      return { ...facts, status: 'met', changedAt: at };
    case 'DeadlineCancelled':
      return { ...facts, status: 'cancelled', changedAt: at };
    case 'DeadlineMissed':
      return { ...facts, missed: true };
    default:
      return facts;
  }
}
