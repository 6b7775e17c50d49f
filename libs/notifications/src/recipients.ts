import type { DeadlineFacts } from './deadline-facts';
import type { NoticeCause } from './messages/deadline-message';
import type { Recipient } from './notifications';

/**
 * Who is told of a deadline event: the obliged municipalities, or the grants office when the
 * office itself is obliged; an escalation goes to the grants office. A deadline never opened
 * (unknown facts) has no one to tell, except through a reminder that names its addressees.
 */
export function recipientsOf(cause: NoticeCause, facts: DeadlineFacts | undefined): Recipient[] {
  if (cause.type === 'DeadlineEscalated') return [null];
  // An extension is told only to those it names (a call's closing extended: its applicants).
  // So is an amendment of what the deadline is about (a published call's terms: its drafters).
  if (cause.type === 'DeadlineExtended' || cause.type === 'DeadlineSubjectAmended')
    return [...new Set(cause.data.notify ?? [])];
  const obliged =
    cause.type === 'DeadlineReminderIssued'
      ? (cause.data.obligedAgs ?? facts?.obligedAgs)
      : facts?.obligedAgs;
  if (!obliged) return [];
  return obliged.length === 0 ? [null] : [...new Set(obliged)];
}
