import { TERMS_BUILT_IN_BEFORE_V2 } from '@app/programmes-calls/legacy/terms-built-in-before-v2';
import type { IndicatorDefinition } from '@app/programmes-calls/rules';
import {
  type EsfLedgerEvent,
  type EsfLedgerState,
  evolveEsfLedger,
  initialEsfLedgerState,
} from './esf-ledger';
import {
  type EsfReportEvent,
  type EsfReportPeriod,
  type Expenditure,
  type OpenedReport,
  type ReportContent,
  sourcesOfV1,
} from './esf-report';
import { financingOf, type GrantFinancing } from './financing-limits';
import type { IssuedGrant } from './grant-facts';

/** Expenditure of the 2011 programme's three sources, ESF, Land and own funds, as reports state it. */
export const spent = (esfCents: number, landCents: number, ownCents: number): Expenditure =>
  sourcesOfV1({ esfCents, landCents, ownCents });

/** Amounts of the 2011 grant's capped sources, ESF and Land: ceilings and what was counted. */
export const capped = (esf: number, land: number): Expenditure => [
  { sourceId: 'esf', cents: esf },
  { sourceId: 'land', cents: land },
];

export const GRANT_ID = 'kkz.phase-1.05978000';
export const REPORT_2012 = `${GRANT_ID}.2012`;

/**
 * Kreis Unna, phase I: a 64,000 EUR grant of 43,000 ESF + 21,000 Land, 22,000 EUR own funds on
 * top; of the 86,000 EUR eligible total ESF is exactly 50 %, Land 24.4 %, own funds 25.6 %.
 */
export function unnaGrant(overrides: Partial<IssuedGrant> = {}): IssuedGrant {
  return {
    status: 'issued',
    grantId: GRANT_ID,
    programmeId: 'kkz',
    phase: 1,
    ags: '05978000',
    amountCents: 6_400_000,
    entitlementCents: 6_400_000,
    period: { from: '2012-03-01', to: '2015-06-30' },
    financing: spent(4_300_000, 2_100_000, 2_200_000),
    rulesVersion: 0,
    issuedAt: '2012-02-20T10:00:00.000Z',
    ...overrides,
  };
}

export const period2012: EsfReportPeriod = {
  reportId: REPORT_2012,
  grantId: GRANT_ID,
  programmeId: 'kkz',
  ags: '05978000',
  periodId: '2012',
  from: '2012-03-01',
  to: '2012-12-31',
  dueDate: '2013-04-30',
  indicators: TERMS_BUILT_IN_BEFORE_V2.reporting.indicators,
};

/** A programme's own indicators, neither of them ESF: a count and a number of persons. */
export const DIGITAL_INDICATORS: IndicatorDefinition[] = [
  {
    indicatorId: 'schulenAngebunden',
    name: 'Schulen angebunden',
    unit: 'Anzahl',
    type: 'integer',
    required: true,
  },
  {
    indicatorId: 'fachkraefteQualifiziert',
    name: 'Fachkräfte qualifiziert',
    unit: 'Personen',
    type: 'integer',
    required: false,
  },
  {
    indicatorId: 'flaecheEntsiegelt',
    name: 'Fläche entsiegelt',
    unit: 'm²',
    type: 'decimal',
    required: false,
  },
];

export const opened = (period = period2012): EsfReportEvent => ({
  type: 'ReportPeriodOpened',
  data: period,
});

/** 17,200 EUR spent in 2012 in the notice's proportions: 8,600 ESF, 4,200 Land, 4,400 own funds. */
export function report2012(overrides: Partial<ReportContent> = {}): ReportContent {
  return {
    expenditure: spent(860_000, 420_000, 440_000),
    indicators: { publicAdministrationsSupported: 5 },
    narrative: 'Netzwerke gebündelt; Koordinierungsstelle besetzt.',
    ...overrides,
  };
}

export function submitted(submission = 1, content = report2012()): EsfReportEvent {
  return {
    type: 'ReportSubmitted',
    data: {
      reportId: REPORT_2012,
      grantId: GRANT_ID,
      ags: '05978000',
      periodId: '2012',
      ...content,
      submission,
      submittedAt: '2013-01-15T10:00:00.000Z',
    },
  };
}

export function returned(submission = 1): EsfReportEvent {
  return {
    type: 'ReportReturned',
    data: {
      reportId: REPORT_2012,
      grantId: GRANT_ID,
      ags: '05978000',
      remarks: 'Personalkosten belegen',
      submission,
      returnedAt: '2013-01-20T10:00:00.000Z',
    },
  };
}

export function accepted(submission = 1, content = report2012()): EsfReportEvent {
  return {
    type: 'ReportAccepted',
    data: {
      reportId: REPORT_2012,
      grantId: GRANT_ID,
      programmeId: 'kkz',
      ags: '05978000',
      periodId: '2012',
      from: '2012-03-01',
      to: '2012-12-31',
      year: 2012,
      expenditure: content.expenditure,
      indicators: content.indicators,
      submission,
      acceptedAt: '2013-02-01T10:00:00.000Z',
    },
  };
}

export const REPORT_2013 = `${GRANT_ID}.2013`;

/** The grant's financing as a money check sees it: the notice's plan and the ceilings in force. */
export const financing = (overrides: Partial<IssuedGrant> = {}): GrantFinancing =>
  financingOf(unnaGrant(overrides), TERMS_BUILT_IN_BEFORE_V2.sources);

/** The 2013 report as its own stream stands: returned, awaiting review or accepted, with these figures. */
export function report2013(
  status: 'returned' | 'submitted' | 'accepted',
  expenditure: Expenditure,
  submission = 1,
): OpenedReport {
  return {
    status,
    period: {
      ...period2012,
      reportId: REPORT_2013,
      periodId: '2013',
      from: '2013-01-01',
      to: '2013-12-31',
      dueDate: '2014-04-30',
    },
    submission,
    draft: {},
    submitted: report2012({ expenditure }),
  };
}

export function booked(
  reportId: string,
  expenditure: Expenditure,
  submission = 1,
  countedBefore = capped(0, 0),
): EsfLedgerEvent {
  return {
    type: 'EsfAcceptanceBooked',
    data: {
      grantId: GRANT_ID,
      reportId,
      periodId: reportId.slice(GRANT_ID.length + 1),
      submission,
      expenditure,
      ceilings: capped(4_300_000, 2_100_000),
      countedBefore,
      bookedAt: '2014-02-01T10:00:00.000Z',
    },
  };
}

export const ledgerOf = (...events: EsfLedgerEvent[]): EsfLedgerState =>
  events.reduce(evolveEsfLedger, initialEsfLedgerState());
