import type { EsfTotalsView } from '../queries/esf-reports.queries';
import { toCsv } from './csv';
import { type XlsxCell, xlsxWorkbook } from './xlsx-workbook';

export const TOTALS_COLUMNS = [
  'year',
  'source',
  'amount_eur',
  'amount_cents',
  'report_ids',
  'event_ids',
  'event_positions',
];

/** One row per year and source; the lists name the accepted reports and events behind the amount. */
function rows(totals: EsfTotalsView, amount: (cents: number, eur: string) => XlsxCell): XlsxCell[][] {
  return totals.lines.map((line) => [
    line.year,
    line.source,
    amount(line.cents, line.eur),
    line.cents,
    line.reportIds.join(' '),
    line.events.map((e) => e.eventId).join(' '),
    line.events.map((e) => e.position).join(' '),
  ]);
}

/** CSV (RFC 4180, comma-separated, decimal point): amounts as EUR with two places. */
export function esfTotalsCsv(totals: EsfTotalsView): string {
  return toCsv([TOTALS_COLUMNS, ...rows(totals, (_, eur) => eur)]);
}

/** XLSX with numeric cells for year, EUR and cents. */
export function esfTotalsXlsx(totals: EsfTotalsView): Uint8Array {
  return xlsxWorkbook(`ESF ${totals.programmeId}`, [TOTALS_COLUMNS, ...rows(totals, (cents) => cents / 100)]);
}
