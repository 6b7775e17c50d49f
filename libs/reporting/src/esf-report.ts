import { streamName } from '@app/eventsourcing';
import type { IndicatorDefinition } from '@app/programmes-calls/rules';

/** One source's part, in cents; the source by the id the terms the notice applied give it. */
export interface SourceExpenditure {
  sourceId: string;
  cents: number;
}

/**
 * Expenditure of one report by source of funds, the same shape as the notice's financing plan:
 * schema version 2 of the report events; one entry per source of the grant's notice, in its order.
 */
export type Expenditure = SourceExpenditure[];

/** How schema version 1 stated expenditure: the first programme's three sources, in cents. */
export interface ExpenditureV1 {
  esfCents: number;
  landCents: number;
  ownCents: number;
}

/** The first programme's sources (ESF, Land, own funds), by the ids the 2011 terms give them. */
export const SOURCES = ['esf', 'land', 'own'] as const;
export type Source = (typeof SOURCES)[number];
export const centsOf = (e: readonly SourceExpenditure[], sourceId: string): number =>
  e.find((s) => s.sourceId === sourceId)?.cents ?? 0;
export const totalOf = (e: readonly SourceExpenditure[]): number => e.reduce((sum, s) => sum + s.cents, 0);

/** A v1 expenditure as the sources `esf`, `land` and `own` (the 2011 terms' ids). */
export const sourcesOfV1 = ({ esfCents, landCents, ownCents }: ExpenditureV1): Expenditure => [
  { sourceId: 'esf', cents: esfCents },
  { sourceId: 'land', cents: landCents },
  { sourceId: 'own', cents: ownCents },
];

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

/**
 * As typed in: any part may be missing while drafting; a declared total is checked, not kept.
 * The expenditure as a list of { sourceId, cents }, or (deprecated, for grants whose sources are
 * ESF, Land and own funds) the v1 object, converted by the decider with the notice's sources.
 */
export interface ReportContentInput {
  expenditure?: Expenditure | (ExpenditureV1 & { totalCents?: number });
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
