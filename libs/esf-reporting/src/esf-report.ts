import { streamName } from '@app/eventsourcing';

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

/**
 * ESF output indicators, e.g. public administrations supported; participant counts only where the
 * measure has participants. Counts, never fractions.
 */
export type Indicators = Record<string, number>;

/** Every report states these indicators; others (e.g. participants) only where relevant. */
export const REQUIRED_INDICATORS = ['publicAdministrationsSupported'];

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

/** One reporting period of one grant, as opened by the grants office. */
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
}

export type EsfReportPeriodOpened = { type: 'EsfReportPeriodOpened'; data: EsfReportPeriod };

export type EsfReportDraftSaved = {
  type: 'EsfReportDraftSaved';
  data: { reportId: string; grantId: string; ags: string; savedAt: string } & Partial<ReportContent>;
};

export type EsfReportSubmitted = {
  type: 'EsfReportSubmitted';
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

export type EsfReportReturned = {
  type: 'EsfReportReturned';
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
export type EsfReportAccepted = {
  type: 'EsfReportAccepted';
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
  EsfReportPeriodOpened | EsfReportDraftSaved | EsfReportSubmitted | EsfReportReturned | EsfReportAccepted;

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

const PERIOD_ID = /^(\d{4})(?:-H([12]))?$/;

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
  if (event.type === 'EsfReportPeriodOpened')
    return { status: 'open', period: event.data, submission: 0, draft: {} };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'EsfReportDraftSaved': {
      const { expenditure, indicators, narrative } = event.data;
      return { ...state, draft: stripUndefined({ expenditure, indicators, narrative }) };
    }
    case 'EsfReportSubmitted': {
      const { expenditure, indicators, narrative, submission } = event.data;
      return { ...state, status: 'submitted', submission, submitted: { expenditure, indicators, narrative } };
    }
    case 'EsfReportReturned':
      return { ...state, status: 'returned' };
    case 'EsfReportAccepted':
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
