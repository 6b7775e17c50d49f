import type { DeadlineFacts, DeadlineSubject, NotifyingEventType } from '../deadline-facts';
import type { NoticeNames } from './name-book';

const BERLIN = 'Europe/Berlin';
const LONG_DATE = new Intl.DateTimeFormat('de-DE', { dateStyle: 'full', timeZone: BERLIN });
const DAY_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: BERLIN,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The last day of a deadline that ends at `dueAt` (24:00 Berlin time): the Berlin date of the
 * instant just before it.
 */
export function lastDayOf(dueAt: string): string {
  const end = Date.parse(dueAt);
  // A read model must not stop over one malformed event: no date is shown instead.
  if (!Number.isFinite(end)) return '';
  const parts = Object.fromEntries(DAY_PARTS.formatToParts(new Date(end - 1)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `2011-12-15` → "Donnerstag, 15. Dezember 2011". */
export function germanDate(day: string): string {
  const noon = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(noon.getTime()) ? day : LONG_DATE.format(noon);
}

/**
 * What the deadline is about, in words a municipality's staff recognise: with names where the
 * store named its subject ("ESF-Bericht 2018 – Kreis Unna (Förderphase II)"), else by its id.
 */
export function deadlineTitle(
  kind: string,
  subject: DeadlineSubject,
  deadlineId: string,
  names?: NoticeNames,
): string {
  const named = names?.deadlineTitle(kind, subject);
  if (named) return named;
  switch (kind) {
    case 'call-closes':
      return `Interessensbekundung zum Aufruf ${subject.callId ?? deadlineId}`;
    case 'council-resolution-due':
      return `Ratsbeschluss zur Bewerbung ${subject.applicationId ?? deadlineId}`;
    case 'esf-report-due':
      return `Bericht ${subject.reportId ?? subject.grantId ?? deadlineId}`;
    case 'proof-of-use-due':
      return `Verwendungsnachweis für ${subject.grantId ?? deadlineId}`;
    case 'survey-closes':
      return `Befragung ${subject.surveyId ?? deadlineId}`;
    case 'phase-ends':
      return `Ende der Förderphase ${subject.grantId ?? deadlineId}`;
    default:
      return `Frist ${deadlineId}`;
  }
}

/** A deadline event told to one recipient: the same words in the inbox, the e-mail and the webhook. */
export interface DeadlineNotice {
  type: 'reminder' | 'missed' | 'escalated' | 'extended' | 'amended';
  deadline: {
    deadlineId: string;
    kind: string;
    title: string;
    subject: DeadlineSubject;
    /** The last day (after § 193 BGB), ending 24:00 Berlin time. */
    dueDate: string;
    dueAt: string;
    obligedAgs: string[];
  };
  /** Days before the due date, for reminders. */
  offsetDays?: number;
  /** When the deadline event happened (issuedAt, missedAt, at). */
  at: string;
  headline: string;
  text: string;
}

export interface NoticeCause {
  type: NotifyingEventType;
  data: {
    deadlineId: string;
    dueAt?: string;
    offsetDays?: number;
    kind?: string;
    obligedAgs?: string[];
    issuedAt?: string;
    missedAt?: string;
    at?: string;
    extendedAt?: string;
    amendedAt?: string;
    reason?: string;
    changed?: string[];
    notify?: string[];
  };
}

/** The amendable terms of a call in words (CallAmended's fields). */
const AMENDED_TERMS: Record<string, string> = {
  title: 'Titel',
  description: 'Beschreibung',
  eligibleApplicantTypes: 'antragsberechtigte Kommunen',
  fundingTiers: 'Förderstufen',
  conditions: 'Bedingungen',
  participants: 'Zahl der Teilnehmenden',
  budgetCents: 'Budget',
  assessmentCriteria: 'Bewertungskriterien',
  form: 'Formular der Interessensbekundung',
  crossSection: 'Querschnitt der Auswahl',
  opensOn: 'Beginn der Einreichung',
};

/**
 * The notice of one deadline event for one recipient. A reminder names whom it reminds (for a
 * call's closing, the applicants not yet submitted); a municipality is shown only itself among
 * them, since who else applies is none of its business; the grants office sees all.
 */
export function composeNotice(
  cause: NoticeCause,
  facts: DeadlineFacts | undefined,
  recipient?: string | null,
  names?: NoticeNames,
): DeadlineNotice {
  const d = cause.data;
  const dueAt = d.dueAt ?? facts?.dueAt ?? '';
  const kind = facts?.kind ?? d.kind ?? 'unknown';
  const subject = facts?.subject ?? {};
  const title = deadlineTitle(kind, subject, d.deadlineId, names);
  const dueDate = dueAt ? lastDayOf(dueAt) : '';
  const when = dueDate ? germanDate(dueDate) : 'unbekannt';
  const named =
    (cause.type === 'DeadlineReminderIssued' ? d.obligedAgs : undefined) ??
    facts?.obligedAgs ??
    d.obligedAgs ??
    [];
  const obligedAgs = recipient ? named.filter((ags) => ags === recipient) : named;
  const deadline = { deadlineId: d.deadlineId, kind, title, subject, dueDate, dueAt, obligedAgs };
  let type: DeadlineNotice['type'];
  let headline: string;
  let lead: string;
  if (cause.type === 'DeadlineReminderIssued') {
    type = 'reminder';
    const days = d.offsetDays ?? 0;
    const left = days === 0 ? 'heute' : days === 1 ? 'morgen' : `in ${days} Tagen`;
    headline = `Erinnerung: ${title} – Frist endet ${left}, am ${when}`;
    lead = `die Frist „${title}“ endet ${left}: am ${when} um 24:00 Uhr.`;
  } else if (cause.type === 'DeadlineExtended') {
    type = 'extended';
    const reason = d.reason ? ` Grund: ${d.reason}` : '';
    headline = `Frist verlängert: ${title} – neues Fristende ${when}`;
    lead = `die Frist „${title}“ wurde verlängert: sie endet jetzt am ${when} um 24:00 Uhr.${reason}`;
  } else if (cause.type === 'DeadlineSubjectAmended') {
    type = 'amended';
    const what = (d.changed ?? []).map((field) => AMENDED_TERMS[field] ?? field);
    const changed = what.length > 0 ? ` Geändert: ${what.join(', ')}.` : '';
    const reason = d.reason ? ` Grund: ${d.reason}` : '';
    headline = `Aufruf geändert: ${title} – Frist unverändert bis ${when}`;
    lead = `der Aufruf zur Frist „${title}“ wurde geändert.${changed}${reason} Bitte prüfen Sie Ihren Entwurf; die Frist endet unverändert am ${when} um 24:00 Uhr.`;
  } else if (cause.type === 'DeadlineMissed') {
    type = 'missed';
    headline = `Frist versäumt: ${title} – fällig war ${when}`;
    lead = `die Frist „${title}“ ist am ${when} um 24:00 Uhr abgelaufen, ohne dass sie erfüllt wurde.`;
  } else {
    type = 'escalated';
    // Whom the title names already (a report of Kreis Unna) is not named twice.
    const named = obligedAgs
      .map((ags) => names?.municipality(ags) ?? `AGS ${ags}`)
      .filter((name) => !title.includes(name));
    const who = named.length > 0 ? ` (${named.join(', ')})` : '';
    headline = `Eskalation: ${title}${who} – Frist vom ${when} versäumt`;
    lead = `die Frist „${title}“${who} ist am ${when} abgelaufen und wurde an die Bewilligungsbehörde eskaliert.`;
  }
  const moved =
    facts && facts.statedDueDate && facts.statedDueDate !== dueDate
      ? [
          `Genannter Termin: ${germanDate(facts.statedDueDate)} (nach § 193 BGB auf den nächsten Werktag verschoben)`,
        ]
      : [];
  const text = [
    'Guten Tag,',
    '',
    lead,
    '',
    `Frist: ${title}`,
    `Fällig: ${when}, 24:00 Uhr (Berliner Zeit)`,
    ...moved,
    '',
    footer(facts?.programmeId, names),
  ].join('\n');
  return {
    type,
    deadline,
    ...(d.offsetDays !== undefined && type === 'reminder' ? { offsetDays: d.offsetDays } : {}),
    at: d.issuedAt ?? d.missedAt ?? d.extendedAt ?? d.amendedAt ?? d.at ?? '',
    headline,
    text,
  };
}

/** Where the message comes from: the programme by its title where the store has told it. */
function footer(programmeId: string | undefined, names: NoticeNames | undefined): string {
  const programme = programmeId ? names?.programmeTitle?.(programmeId) : undefined;
  return programme
    ? `Diese Nachricht kommt automatisch aus dem Fristenmanagement des Förderprogramms „${programme}“.`
    : 'Diese Nachricht kommt automatisch aus dem Fristenmanagement der Bewilligungsbehörde.';
}
