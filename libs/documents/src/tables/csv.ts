import { dateParts, roundedDigits } from '../format/german';
import {
  assertTableValues,
  type CellValue,
  type Column,
  localizedTable,
  type Table,
  type TableLocale,
  totalsRow,
} from './table-model';

/**
 * `excel-de`: what German Excel and LibreOffice open as columns on a double click: `;` between
 * fields, decimal comma, dates as 15.03.2026, a UTF-8 byte order mark (without it Excel reads
 * the bytes as Windows-1252 and breaks every umlaut), German headers, and the totals row.
 * `rfc4180`: for programs: `,`, decimal point, ISO dates, no BOM, English snake_case headers,
 * no totals row (a program summing the rows would count everything twice).
 * Both: CRLF line ends; a field is quoted when it holds the separator, a quote, CR or LF, with
 * quotes inside doubled (RFC 4180 § 2). Numbers carry no unit; the header names it ("Betrag (€)").
 * `locale` `en` words the headers and the totals label in English where the table has English
 * texts (`headerEn`, `totals.labelEn`); the dialect alone decides separators, numbers and dates,
 * and `rfc4180` keeps its snake_case headers in every language.
 */
export type CsvDialect = 'excel-de' | 'rfc4180';
export const CSV_DIALECTS: readonly CsvDialect[] = ['excel-de', 'rfc4180'];

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

const BOM = '\ufeff';

export function writeCsv(
  original: Table,
  dialect: CsvDialect = 'excel-de',
  locale: TableLocale = 'de',
): string {
  assertTableValues(original);
  const table = localizedTable(original, locale);
  const german = dialect === 'excel-de';
  const separator = german ? ';' : ',';
  const line = (fields: string[]) => `${fields.map((f) => quoted(f, separator)).join(separator)}\r\n`;
  const header = line(table.columns.map((c) => (german ? c.header : c.machineHeader)));
  const rows = table.rows.map((row) => line(table.columns.map((c) => cellText(c, row[c.key], german))));
  const totals = german ? totalsRow(table) : undefined;
  const footer = totals ? line(table.columns.map((c) => cellText(c, totals[c.key], german))) : '';
  return `${german ? BOM : ''}${header}${rows.join('')}${footer}`;
}

function quoted(field: string, separator: string): string {
  return field.includes(separator) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function cellText(column: Column, value: CellValue | undefined, german: boolean): string {
  if (value === null || value === undefined) return '';
  const point = german ? ',' : '.';
  switch (column.type) {
    case 'text':
      return german ? defused(value as string) : (value as string);
    case 'money-cents': {
      const cents = value as number;
      const abs = Math.abs(cents);
      return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}${point}${String(abs % 100).padStart(2, '0')}`;
    }
    case 'integer':
      return String(value);
    case 'decimal':
    case 'percent': {
      const digits = column.fractionDigits ?? (column.type === 'decimal' ? 2 : 0);
      const [whole, fraction] = roundedDigits(value as number, digits);
      return fraction ? `${whole}${point}${fraction}` : whole;
    }
    case 'date': {
      const { year, month, day } = dateParts(value as string);
      const p = (n: number) => String(n).padStart(2, '0');
      return german ? `${p(day)}.${p(month)}.${year}` : (value as string);
    }
  }
}

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula (CSV injection, OWASP): in the
 * dialect meant for spreadsheets such a text is prefixed with an apostrophe, which Excel and
 * LibreOffice read as "this is text" and do not show.
 */
function defused(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
