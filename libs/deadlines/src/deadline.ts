import { streamName } from '@app/eventsourcing';
import { berlinDate } from '@app/shared';

export const DEADLINE_KINDS = [
  'call-closes',
  'council-resolution-due',
  'esf-report-due',
  'proof-of-use-due',
  'survey-closes',
  'phase-ends',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Kinds nobody can fail: the moment passing is their end (the call closes, the phase ends).
 * They end as met; the others are obligations that end as missed and are escalated.
 */
export const ELAPSING_KINDS: readonly DeadlineKind[] = ['call-closes', 'phase-ends'];

/**
 * Kinds that end at the instant their cause states, never shifted by § 193 BGB: the call's own
 * closing instant, the end of a funding phase, and a survey window (not a legal period: the
 * evaluation context stops taking answers at 24:00 Berlin time on `closesOn`, weekend or not).
 */
export const UNSHIFTED_KINDS: readonly DeadlineKind[] = ['call-closes', 'phase-ends', 'survey-closes'];

/**
 * Kinds whose obliged municipalities come and go while the deadline is open: a call's closing
 * obliges each lead applicant from its draft until it submits. The grants office is never obliged
 * by them, so a reminder with nobody left to remind is not sent.
 */
export const KINDS_OBLIGING_APPLICANTS: readonly DeadlineKind[] = ['call-closes'];

/** The actor subject of everything the deadline manager and its firings record. */
export const DEADLINE_MANAGER_SUBJECT = 'deadline-manager';

export interface DeadlineSubject {
  callId?: string;
  applicationId?: string;
  grantId?: string;
  reportId?: string;
  surveyId?: string;
}

/** Who must act and what about: repeated on every event, so that each is understandable alone. */
export interface DeadlineParties {
  kind: DeadlineKind;
  programmeId?: string;
  subject: DeadlineSubject;
  /** Municipalities obliged; empty: the grants office itself. */
  obligedAgs: string[];
}

export interface DeadlineOpenedData extends DeadlineParties {
  deadlineId: string;
  /** The day as stated by the cause. */
  dueDate: string;
  /** The day the period really ends (§ 193 BGB), unless fixed. */
  lastDay: string;
  /** 24:00 Europe/Berlin at the end of `lastDay`. */
  dueAt: string;
  fixed: boolean;
  reminderOffsetsDays: number[];
  /** The event the obligation comes from. */
  cause: string;
  /** When the obligation arose (the cause's business time): no reminder is due before it. */
  openedAt: string;
}

export type DeadlineOpened = { type: 'DeadlineOpened'; data: DeadlineOpenedData };
/** A municipality became obliged by an open deadline (its expression of interest was drafted). */
export type DeadlineObligationAdded = {
  type: 'DeadlineObligationAdded';
  data: {
    deadlineId: string;
    ags: string;
    applicationId?: string;
    /** The event that obliged it. */
    cause: string;
    addedAt: string;
  };
};
/** A municipality's part is done (its expression of interest was submitted): no more reminders. */
export type DeadlineObligationMet = {
  type: 'DeadlineObligationMet';
  data: { deadlineId: string; ags: string; applicationId?: string; by: string; metAt: string };
};
export type DeadlineReminderIssued = {
  type: 'DeadlineReminderIssued';
  data: DeadlineParties & {
    deadlineId: string;
    offsetDays: number;
    dueDate: string;
    dueAt: string;
    /** The moment the reminder was planned for (08:00 Berlin time, `offsetDays` before the last day). */
    remindAt: string;
    issuedAt: string;
  };
};
export type DeadlineExtended = {
  type: 'DeadlineExtended';
  data: {
    deadlineId: string;
    dueDate: string;
    lastDay: string;
    dueAt: string;
    fixed: boolean;
    reason: string;
    /** Subject of the grants office user who extended it. */
    by: string;
    extendedAt: string;
    /**
     * Whom notifications tell of the new end: set when the deadline followed its cause (a call's
     * closing extended: every municipality obliged by it). Absent: nobody is told (as before).
     */
    notify?: string[];
  };
};
export type DeadlineMet = {
  type: 'DeadlineMet';
  data: {
    deadlineId: string;
    metAt: string;
    /** Event id of what met it (for a deadline that elapsed: the event its elapsing caused, or its own). */
    by: string;
    /** Met only after it had been missed. */
    late?: boolean;
    /** A deadline of an elapsing kind that simply ran out. */
    elapsed?: boolean;
  };
};
export type DeadlineMissed = {
  type: 'DeadlineMissed';
  data: DeadlineParties & { deadlineId: string; dueAt: string; missedAt: string };
};
export type DeadlineEscalated = {
  type: 'DeadlineEscalated';
  data: DeadlineParties & { deadlineId: string; to: 'grants-office'; at: string; dueAt: string };
};
export type DeadlineCancelled = {
  type: 'DeadlineCancelled';
  data: {
    deadlineId: string;
    reason: string;
    /** The office user's subject, or `deadline-manager` when the cause withdrew the obligation. */
    by: string;
    cancelledAt: string;
    /** For a withdrawal: the event that withdrew it (e.g. SelectionDecisionCorrected). */
    cause?: string;
  };
};

/**
 * The subject of a deadline was amended while it runs (a published call's terms, with the office's
 * reason): those it obliges are told; its end stays (a later end is `DeadlineExtended`).
 */
export type DeadlineSubjectAmended = {
  type: 'DeadlineSubjectAmended';
  data: {
    deadlineId: string;
    reason: string;
    /** The terms that changed, by their field names (e.g. `description`, `fundingTiers`). */
    changed: string[];
    /** Subject of the grants office user who amended the subject. */
    by: string;
    amendedAt: string;
    /** The event that amended it (e.g. CallAmended). */
    cause: string;
    /** Every municipality the deadline obliged when it was amended. */
    notify: string[];
  };
};

export type DeadlineEvent =
  | DeadlineOpened
  | DeadlineObligationAdded
  | DeadlineObligationMet
  | DeadlineReminderIssued
  | DeadlineExtended
  | DeadlineMet
  | DeadlineMissed
  | DeadlineEscalated
  | DeadlineCancelled
  | DeadlineSubjectAmended;

export const DEADLINE_EVENT_TYPES: readonly DeadlineEvent['type'][] = [
  'DeadlineOpened',
  'DeadlineObligationAdded',
  'DeadlineObligationMet',
  'DeadlineReminderIssued',
  'DeadlineExtended',
  'DeadlineMet',
  'DeadlineMissed',
  'DeadlineEscalated',
  'DeadlineCancelled',
  'DeadlineSubjectAmended',
];

export type DeadlineStatus = 'open' | 'met' | 'missed' | 'cancelled';

export interface IssuedReminder {
  offsetDays: number;
  dueAt: string;
}

/** A municipality obliged after the deadline was opened; `metAt` once its part is done. */
export interface Obligation {
  ags: string;
  applicationId?: string;
  addedAt: string;
  metAt?: string;
}

export interface KnownDeadline {
  status: DeadlineStatus;
  /** As opened, with the current due date after extensions. */
  deadline: DeadlineOpenedData;
  /** Opened or last extended: reminders planned before it are not sent. */
  since: string;
  reminders: IssuedReminder[];
  /** Obliged since opening, in the order they were added. */
  obligations: Obligation[];
  escalated: boolean;
  /** The events that amended its subject and were announced (DeadlineSubjectAmended.cause). */
  amendments?: string[];
}

export type DeadlineState = { status: 'none' } | KnownDeadline;

export const deadlineStream = (deadlineId: string) => streamName('deadline', deadlineId);

export function initialDeadlineState(): DeadlineState {
  return { status: 'none' };
}

/**
 * `lastDay` and `openedAt` were added to the contract after its first version: an event written
 * without them reads as ending on the Berlin day before `dueAt` turns, opened at `occurredAt`
 * (or, where the envelope is not at hand, at the start of time: every reminder still counts).
 */
export function normalizeOpened(data: DeadlineOpenedData, occurredAt?: string): DeadlineOpenedData {
  if (data.lastDay && data.openedAt && Array.isArray(data.reminderOffsetsDays)) return data;
  const dueAt = Date.parse(data.dueAt);
  return {
    ...data,
    lastDay: data.lastDay ?? (Number.isFinite(dueAt) ? berlinDate(dueAt - 1) : data.dueDate),
    openedAt: data.openedAt ?? occurredAt ?? new Date(0).toISOString(),
    reminderOffsetsDays: Array.isArray(data.reminderOffsetsDays) ? data.reminderOffsetsDays : [],
    obligedAgs: Array.isArray(data.obligedAgs) ? data.obligedAgs : [],
    subject: data.subject ?? {},
  };
}

export function evolveDeadline(state: DeadlineState, event: DeadlineEvent): DeadlineState {
  if (event.type === 'DeadlineOpened') {
    if (state.status !== 'none') return state;
    const deadline = normalizeOpened(event.data);
    return {
      status: 'open',
      deadline,
      since: deadline.openedAt,
      reminders: [],
      obligations: [],
      escalated: false,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DeadlineObligationAdded': {
      const { ags, applicationId, addedAt } = event.data;
      if (state.obligations.some((o) => o.ags === ags)) return state;
      return {
        ...state,
        obligations: [...state.obligations, { ags, ...(applicationId ? { applicationId } : {}), addedAt }],
      };
    }
    case 'DeadlineObligationMet':
      return {
        ...state,
        obligations: state.obligations.map((o) =>
          o.ags === event.data.ags && o.metAt === undefined ? { ...o, metAt: event.data.metAt } : o,
        ),
      };
    case 'DeadlineReminderIssued':
      return {
        ...state,
        reminders: [...state.reminders, { offsetDays: event.data.offsetDays, dueAt: event.data.dueAt }],
      };
    case 'DeadlineExtended': {
      const { dueDate, lastDay, dueAt, fixed, extendedAt } = event.data;
      return {
        ...state,
        status: 'open',
        deadline: { ...state.deadline, dueDate, lastDay, dueAt, fixed },
        since: extendedAt,
      };
    }
    case 'DeadlineMet':
      return { ...state, status: 'met' };
    case 'DeadlineMissed':
      return { ...state, status: 'missed' };
    case 'DeadlineEscalated':
      return { ...state, escalated: true };
    case 'DeadlineCancelled':
      return { ...state, status: 'cancelled' };
    case 'DeadlineSubjectAmended':
      return { ...state, amendments: [...(state.amendments ?? []), event.data.cause] };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

export function partiesOf(deadline: DeadlineOpenedData): DeadlineParties {
  return {
    kind: deadline.kind,
    ...(deadline.programmeId !== undefined ? { programmeId: deadline.programmeId } : {}),
    subject: deadline.subject,
    obligedAgs: deadline.obligedAgs,
  };
}

/**
 * Who a reminder planned for `remindAt` is addressed to: the deadline's obliged municipalities
 * (empty: the grants office); for a kind obliging applicants, those obliged since before that
 * moment and not yet done, or null when nobody is.
 */
export function addresseesAt(state: KnownDeadline, remindAt: string): string[] | null {
  if (!KINDS_OBLIGING_APPLICANTS.includes(state.deadline.kind)) return state.deadline.obligedAgs;
  const at = Date.parse(remindAt);
  const obliged = state.obligations
    .filter((o) => o.metAt === undefined && Date.parse(o.addedAt) <= at)
    .map((o) => o.ags);
  const all = [...new Set([...state.deadline.obligedAgs, ...obliged])];
  return all.length > 0 ? all : null;
}
