/**
 * Documents and exports: what a person reads, built from plain view models (names, € amounts in
 * cents, dates), so that no builder knows an event's shape. The contexts fill the view models.
 */
export * from './format/german';
export * from './format/amount-in-words';
export * from './tables/table-model';
export * from './tables/csv';
export * from './tables/xlsx';
export * from './tables/sheet-names';
export * from './funding-exports/funding-export.view';
export * from './funding-exports/funding-tables';
export * from './pdf/render-pdf';
export * from './letters/letter-parts.view';
export * from './letters/grant-notice.view';
export * from './letters/grant-notice.pdf';
export * from './letters/reminder-letter.view';
export * from './letters/reminder-letter.pdf';
export * from './programme-report/programme-report.view';
export * from './programme-report/report-charts';
export * from './programme-report/programme-report.html';
export * from './programme-report/programme-report.pdf';
