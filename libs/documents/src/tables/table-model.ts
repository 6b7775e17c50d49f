import type { CalendarDate } from '../format/german';

/**
 * A table as the exports see it: typed columns and rows of plain values. The CSV and XLSX
 * writers read only this, so any context can offer an export by building one table.
 *
 * Values by column type:
 * - `text`: string
 * - `money-cents`: integer cents (written as euros; sums stay exact because they add cents)
 * - `integer`: safe integer
 * - `decimal`: number, shown with the column's `fractionDigits`
 * - `date`: `YYYY-MM-DD`
 * - `percent`: percent points (49 for 49 %), shown with the column's `fractionDigits`
 * `null` or a missing key is an empty cell.
 */
export type ColumnType = 'text' | 'money-cents' | 'integer' | 'decimal' | 'date' | 'percent';

export interface Column {
  key: string;
  /** The header people read (German), e.g. "Betrag (€)". */
  header: string;
  /** The header in English, used when English is asked for; the German `header` otherwise. */
  headerEn?: string;
  /** The header machines read (`rfc4180`): English snake_case, e.g. `amount_eur`. */
  machineHeader: string;
  type: ColumnType;
  /** Decimal places for `decimal` and `percent` (default 2 and 0). */
  fractionDigits?: number;
  /** `integer` only: false for numbers read as codes, such as years (2018, not 2.018). */
  grouping?: boolean;
  /** Width in characters in a sheet; worked out from the content when absent. */
  width?: number;
}

export type CellValue = string | number | null;
export type Row = Record<string, CellValue | undefined>;

export interface Table {
  /** The sheet's name as people read it (German); shortened and made unique per workbook. */
  name: string;
  /** The sheet's name in English, used when English is asked for (optional). */
  nameEn?: string;
  columns: Column[];
  rows: Row[];
  /**
   * A totals row below the data: `label` in the first column, and the sum of each listed
   * `money-cents` or `integer` column, added as integers so it reconciles to the cent.
   */
  totals?: { label: string; labelEn?: string; columns: string[] };
  /** A line above the header (e.g. the programme's title and the date of the figures). */
  caption?: string;
  /** The caption in English (optional). */
  captionEn?: string;
}

export interface Workbook {
  title: string;
  /** The title in English (optional). */
  titleEn?: string;
  /** Who the workbook is from (the grants office), written into its properties. */
  creator: string;
  /** The day the figures are as of; also the workbook's created/modified date (fixed output). */
  asOf: CalendarDate;
  sheets: Table[];
}

/** The language of the texts a person reads in an export. */
export type TableLocale = 'de' | 'en';

/**
 * Whether a table can be written in English: every text it shows a person (each header, and the
 * name, totals label and caption where it has them) has an English version. A table without
 * them is written in German, and the response says so (`Content-Language: de`).
 */
export function hasEnglish(table: Table): boolean {
  return (
    table.columns.every((c) => c.headerEn !== undefined) &&
    table.nameEn !== undefined &&
    (!table.totals || table.totals.labelEn !== undefined) &&
    (table.caption === undefined || table.captionEn !== undefined)
  );
}

/** The language a table is written in when `locale` is asked for: English only where it has English. */
export function tableLocale(table: Table, locale: TableLocale): TableLocale {
  return locale === 'en' && hasEnglish(table) ? 'en' : 'de';
}

/** The language a workbook is written in: English only when its title and every sheet have English. */
export function workbookLocale(workbook: Workbook, locale: TableLocale): TableLocale {
  return locale === 'en' && workbook.titleEn !== undefined && workbook.sheets.every(hasEnglish) ? 'en' : 'de';
}

/**
 * The table with its person-read texts in `locale`: for English each text takes its English
 * version, falling back to the German one per text; German leaves the table as it is.
 */
export function localizedTable(table: Table, locale: TableLocale): Table {
  if (locale !== 'en') return table;
  return {
    ...table,
    name: table.nameEn ?? table.name,
    columns: table.columns.map((c) => ({ ...c, header: c.headerEn ?? c.header })),
    ...(table.totals
      ? { totals: { ...table.totals, label: table.totals.labelEn ?? table.totals.label } }
      : {}),
    ...(table.caption !== undefined ? { caption: table.captionEn ?? table.caption } : {}),
  };
}

/** The sum of a money-cents or integer column over a table's rows, as an exact integer. */
export function columnTotal(table: Table, key: string): number {
  let sum = 0;
  for (const row of table.rows) {
    const value = row[key];
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new TypeError(`column "${key}" of "${table.name}": ${String(value)} is not a whole number`);
    }
    sum += value;
  }
  if (!Number.isSafeInteger(sum))
    throw new RangeError(`column "${key}" of "${table.name}" sums beyond exact range`);
  return sum;
}

/** The totals row of a table as a row of values, or undefined when it has none. */
export function totalsRow(table: Table): Row | undefined {
  if (!table.totals) return undefined;
  const first = table.columns[0];
  const row: Row = { [first.key]: table.totals.label };
  for (const key of table.totals.columns) {
    const column = table.columns.find((c) => c.key === key);
    if (!column || (column.type !== 'money-cents' && column.type !== 'integer')) {
      throw new TypeError(`totals of "${table.name}": "${key}" is not a money-cents or integer column`);
    }
    row[key] = columnTotal(table, key);
  }
  return row;
}

/** Checks each value against its column's type before anything is written. */
export function assertTableValues(table: Table): void {
  for (const [index, row] of table.rows.entries()) {
    for (const column of table.columns) {
      const value = row[column.key];
      if (value === null || value === undefined) continue;
      const problem = valueProblem(column.type, value);
      if (problem) {
        throw new TypeError(`"${table.name}" row ${index + 1}, column "${column.key}": ${problem}`);
      }
    }
  }
}

function valueProblem(type: ColumnType, value: CellValue): string | undefined {
  switch (type) {
    case 'text':
      return typeof value === 'string' ? undefined : 'text expected';
    case 'money-cents':
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? undefined : 'a whole number expected';
    case 'decimal':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a finite number expected';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? undefined
        : 'a date YYYY-MM-DD expected';
    default: {
      const never: never = type;
      return `unknown column type ${String(never)}`;
    }
  }
}
