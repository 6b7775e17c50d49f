export * from './esf-report';
export * from './esf-reporting.module';
export { DEFAULT_REPORT_SCHEDULE, type ReportSchedule } from './report-schedule';
export { esfReportsProjection } from './queries/esf-reports.projection';
export type { EsfReportView } from './queries/esf-reports.projection';
export { esfTotalsProjection } from './queries/esf-totals.projection';
export type { EsfTotalsView } from './queries/esf-reports.queries';
export { esfLedgerStream, type EsfAcceptanceBooked } from './esf-ledger';
