/**
 * The reporting context's upcasters: `@app/reporting/upcasters`. Before report content became
 * data the context wrote `EsfReport*` events; they read as today's neutral `Report*` events. The
 * stored type and bytes stay as written (the hash chain covers them): renamed only on read.
 */
import type { Upcaster } from '@app/eventsourcing';
import { TERMS_BUILT_IN_BEFORE_V2 } from '@app/programmes-calls/legacy/terms-built-in-before-v2';
import type { EsfReportPeriod } from './esf-report';

const renamed = (from: string, to: string): Upcaster => ({
  type: from,
  fromVersion: 1,
  toType: to,
  upcast: (data) => data,
});

/**
 * A period opened by that code: its report had to state the ESF indicator
 * `publicAdministrationsSupported` and could state `participants`, the ESF common indicators
 * that code built in.
 */
export const esfReportPeriodOpenedToReportPeriodOpened: Upcaster<
  Omit<EsfReportPeriod, 'indicators'>,
  EsfReportPeriod
> = {
  type: 'EsfReportPeriodOpened',
  fromVersion: 1,
  toType: 'ReportPeriodOpened',
  upcast: (data) => ({ ...data, indicators: TERMS_BUILT_IN_BEFORE_V2.reporting.indicators }),
};

export const reportingUpcasters: Upcaster[] = [
  esfReportPeriodOpenedToReportPeriodOpened as Upcaster,
  renamed('EsfReportDraftSaved', 'ReportDraftSaved'),
  renamed('EsfReportSubmitted', 'ReportSubmitted'),
  renamed('EsfReportReturned', 'ReportReturned'),
  renamed('EsfReportAccepted', 'ReportAccepted'),
];
