import type { Locale } from '@app/eventsourcing';
import type { CalendarDate } from '../format/german';
import type { AuthorityView, RecipientView, SignatureView } from './letter-parts.view';

/**
 * A letter about a deadline (Erinnerung an eine Frist), as plain data: what is due, when, by
 * whom, what follows if it is missed, whom to ask. The deadlines/notifications context fills it
 * from a `DeadlineReminderIssued` or `DeadlineMissed` event and the deadline's facts.
 */
export interface ReminderLetterView {
  /** The deadline's id, for machines: in the PDF's metadata (keywords), not in the text people read. */
  deadlineId: string;
  /** `reminder`: before the last day; `missed`: the last day has passed unmet. */
  kind: 'reminder' | 'missed';
  /** Date of the letter; also the PDF's creation date. */
  sentOn: CalendarDate;
  authority: AuthorityView;
  recipient: RecipientView;
  fileReference?: string;
  programmeTitle: string;
  obligation: {
    /** The deadline in words, as the notifications name it: "Zwischenbericht für das 3. Quartal 2026". */
    what: string;
    /** The grant or application it belongs to, in words: "Kreis Unna – Aufbau". */
    concerning?: string;
    /** The last day (after any statutory shift); the deadline ends at 24:00 Berlin time. */
    dueOn: CalendarDate;
    /** The day the notice or call named, where § 31 (3) VwVfG NRW moved it to `dueOn`. */
    statedDueOn?: CalendarDate;
    /** Who must act: "Kreis Unna". */
    obliged: string;
    /** How to fulfil it: "über das Förderportal, Bereich Berichte". */
    how?: string;
  };
  /** What follows if the deadline is missed, one sentence each (the programme's terms). */
  consequences: string[];
  signature: SignatureView;
  /** German unless the recipient asked for English. */
  locale?: Locale;
}
