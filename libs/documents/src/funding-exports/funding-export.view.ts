import type { CalendarDate } from '../format/german';

/**
 * Accepted expenditure of a programme by source, as the reporting context's totals state it
 * (issue 12: every amount by source is a list `{ sourceId, cents }`). Plain data: the reporting
 * context fills it from its read model; the exports only read it.
 */
export interface FundingExportView {
  programme: { programmeId: string; title: string };
  /** Who issues the export (the grants office), e.g. "Ministerium für Kinder, Jugend, … NRW". */
  issuer: string;
  /** The day the figures are as of. */
  asOf: CalendarDate;
  /** The sources as the programme names them, in the programme's order. */
  sources: FundingSourceView[];
  /**
   * Every year the programme ran, shown even when no money was accepted for it (a year without
   * a row reads as a year forgotten). Years of `lines` outside this list are added.
   */
  years: number[];
  /** One line per accepted report and source: the smallest unit every total adds up from. */
  lines: FundingLineView[];
}

export interface FundingSourceView {
  sourceId: string;
  /** As the programme names it: "ESF+", "Bund", "Land NRW", "Eigenmittel". */
  name: string;
  kind: 'grant' | 'own' | 'third-party';
}

export interface FundingLineView {
  year: number;
  sourceId: string;
  cents: number;
  grant: {
    grantId: string;
    /** In words: "Kreis Unna – Förderphase II (2017–2018)". */
    label: string;
  };
  municipality: { ags: string; name: string };
  report?: {
    reportId: string;
    /** "2018", "1. Halbjahr 2018", "3. Quartal 2026" (see formatPeriod). */
    periodLabel: string;
    acceptedOn?: CalendarDate;
  };
}
