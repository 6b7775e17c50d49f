import type { Locale } from '@app/eventsourcing';
import type { CalendarDate } from '../format/german';

/**
 * What the programme report shows, as plain data. The reporting context fills it (funding by
 * source and year from its totals, participants from the grants, survey shares from the
 * evaluation); the report only draws it. Sources, phases, types and scale steps are named as the
 * programme names them.
 */
export interface ProgrammeReportView {
  programme: { programmeId: string; title: string };
  /** Who publishes the report (the grants office). */
  issuer: string;
  /** The instant the figures were read; shown as "Stand", its Berlin date dates the PDF. */
  generatedAt: string;
  /** Key figures at the top; the report formats them by unit. */
  headline: HeadlineFigure[];
  /** Phases drawn as spans, events as points, on one time axis. */
  timeline: {
    phases: { name: string; from: CalendarDate; to: CalendarDate }[];
    events: { date: CalendarDate; label: string }[];
  };
  /** The sources as the programme names them, in its order. */
  sources: { sourceId: string; name: string }[];
  /** Every year of the programme: a year without money is drawn as zero, never left out. */
  years: number[];
  /** Accepted expenditure per year and source, in cents; missing pairs count as zero. */
  funding: { year: number; sourceId: string; cents: number }[];
  /** Participants by municipality type and group (e.g. "Förderphase I", "neu in Förderphase II"). */
  participants: { groups: string[]; byType: { type: string; counts: number[] }[] };
  /** Survey answers by question and step of the survey's own scale. */
  survey?: {
    title: string;
    scale: { stepId: string; label: string }[];
    questions: { question: string; counts: Record<string, number> }[];
  };
  /** The hash-chain check of the store the figures come from. */
  integrity?: { events: number; streams: number; breaks: number };
  /**
   * The language the report is worded in (German unless given): its fixed texts, number and
   * date formats. The query words the labels it fills (headline figures, types, events) in it.
   */
  locale?: Locale;
}

export interface HeadlineFigure {
  label: string;
  value: number;
  /** `count`: 51; `money-cents`: whole euros; `percent`: percent points. */
  unit: 'count' | 'money-cents' | 'percent';
}
