import { streamName } from '@app/eventsourcing';
import type { IndicatorDefinition } from '@app/programmes-calls/rules';

/** Expenditure of one report by source of funds (ESF, Land, own funds), in cents. */
export interface Expenditure {
  esfCents: number;
  landCents: number;
  ownCents: number;
}

export const SOURCES = ['esf', 'land', 'own'] as const;
export type Source = (typeof SOURCES)[number];
export const centsOf = (e: Expenditure, source: Source): number => e[`${source}Cents`];
export const totalOf = (e: Expenditure): number => e.esfCents + e.landCents + e.ownCents;

/** indicatorId → value, checked against the period's catalogue (`ReportPeriod.indicators`). */
export type Indicators = Record<string, number>;

/** The catalogue of the ESF common indicators: a report under it is an ESF report. */
export const ESF_CATALOGUE = 'esf-common-indicators';

/** What a municipality reports for a period. */
export interface ReportContent {
  expenditure: Expenditure;
  indicators: Indicators;
  narrative: string;
}

/** As typed in: any part may be missing while drafting; a declared total is checked, not kept. */
export interface ReportContentInput {
  expenditure?: Expenditure & { totalCents?: number };
  indicators?: Indicators;
  narrative?: string;
}

/** One reporting period of one grant, opened with the notice (or by the grants office). */
export interface EsfReportPeriod {
  reportId: string;
  grantId: string;
  programmeId: string;
  ags: string;
  /** `2012` for an annual period, `2012-H1` / `2012-H2` for half-years. */
  periodId: string;
  from: string;
  to: string;
  dueDate: string;
  /**
   * The indicators its report states, from the terms the notice applied: unknown ones are
   * refused, required ones must be there. Periods opened as `EsfReportPeriodOpened` read with
   * the ESF common indicators that code built in.
   */
  indicators: IndicatorDefinition[];
}

export type ReportPeriodOpened = { type: 'ReportPeriodOpened'; data: EsfReportPeriod };

export type ReportDraftSaved = {
  type: 'ReportDraftSaved';
  data: { reportId: string; grantId: string; ags: string; savedAt: string } & Partial<ReportContent>;
};

export type ReportSubmitted = {
  type: 'ReportSubmitted';
  data: {
    reportId: string;
    grantId: string;
    ags: string;
    periodId: string;
    expenditure: Expenditure;
    indicators: Indicators;
    narrative: string;
    /** 1 for the first submission, 2 for the first corrected one, … */
    submission: number;
    submittedAt: string;
  };
};

export type ReportReturned = {
  type: 'ReportReturned';
  data: {
    reportId: string;
    grantId: string;
    ags: string;
    remarks: string;
    submission: number;
    returnedAt: string;
  };
};

/** Self-contained: programme totals are summed from these events alone. */
export type ReportAccepted = {
  type: 'ReportAccepted';
  data: {
    reportId: string;
    grantId: string;
    programmeId: string;
    ags: string;
    periodId: string;
    from: string;
    to: string;
    year: number;
    expenditure: Expenditure;
    indicators: Indicators;
    submission: number;
    acceptedAt: string;
  };
};

export type EsfReportEvent =
  ReportPeriodOpened | ReportDraftSaved | ReportSubmitted | ReportReturned | ReportAccepted;

export type EsfReportStatus = 'open' | 'submitted' | 'returned' | 'accepted';

export type EsfReportState =
  | { status: 'none' }
  | {
      status: EsfReportStatus;
      period: EsfReportPeriod;
      /** Number of submissions so far. */
      submission: number;
      draft: Partial<ReportContent>;
      submitted?: ReportContent;
    };

export type OpenedReport = Exclude<EsfReportState, { status: 'none' }>;

const PERIOD_ID = /^(?:\d{4}(?:-(?:H[12]|Q[1-4]))?|P\d{1,3})$/;

export const reportIdFor = (grantId: string, periodId: string) => `${grantId}.${periodId}`;
export const esfReportStream = (reportId: string) => streamName('esf-report', reportId);

/** `<grantId>.<periodId>` back into its parts; undefined for anything else. */
export function parseReportId(reportId: string): { grantId: string; periodId: string } | undefined {
  const dot = reportId.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const periodId = reportId.slice(dot + 1);
  return PERIOD_ID.test(periodId) ? { grantId: reportId.slice(0, dot), periodId } : undefined;
}

export function initialEsfReportState(): EsfReportState {
  return { status: 'none' };
}

export function evolveEsfReport(state: EsfReportState, event: EsfReportEvent): EsfReportState {
  if (event.type === 'ReportPeriodOpened')
    return { status: 'open', period: event.data, submission: 0, draft: {} };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ReportDraftSaved': {
      const { expenditure, indicators, narrative } = event.data;
      return { ...state, draft: stripUndefined({ expenditure, indicators, narrative }) };
    }
    case 'ReportSubmitted': {
      const { expenditure, indicators, narrative, submission } = event.data;
      return { ...state, status: 'submitted', submission, submitted: { expenditure, indicators, narrative } };
    }
    case 'ReportReturned':
      return { ...state, status: 'returned' };
    case 'ReportAccepted':
      return { ...state, status: 'accepted' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
