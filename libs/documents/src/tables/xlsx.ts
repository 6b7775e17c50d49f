import type { Cell, Worksheet } from 'exceljs';
import { dateParts, formatDateNumeric, formatDecimal, formatEur, formatInteger } from '../format/german';
import {
  assertTableValues,
  type CellValue,
  type Column,
  columnTotal,
  localizedTable,
  type Table,
  type TableLocale,
  type Workbook,
} from './table-model';
import { uniqueSheetNames } from './sheet-names';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Number formats use Excel's locale-independent codes: German Excel and LibreOffice show
 * `#,##0.00 "€"` as "1.234,56 €". Cells hold real numbers and dates (serial days), so a sheet
 * sums, sorts and filters them; only the display is formatted.
 */
const EUR_FORMAT = '#,##0.00 "€"';
const DATE_FORMAT = 'dd.mm.yyyy';
/** English workbooks show days as ISO dates (2018-12-31), as the English documents do. */
const DATE_FORMAT_EN = 'yyyy-mm-dd';
const INTEGER_FORMAT = '#,##0';

function decimalsFormat(base: string, digits: number): string {
  return digits > 0 ? `${base}.${'0'.repeat(digits)}` : base;
}

function numberFormat(column: Column, locale: TableLocale): string | undefined {
  switch (column.type) {
    case 'money-cents':
      return EUR_FORMAT;
    case 'integer':
      return column.grouping === false ? '0' : INTEGER_FORMAT;
    case 'decimal':
      return decimalsFormat('#,##0', column.fractionDigits ?? 2);
    case 'percent':
      return `${decimalsFormat('0', column.fractionDigits ?? 0)}%`;
    case 'date':
      return locale === 'en' ? DATE_FORMAT_EN : DATE_FORMAT;
    case 'text':
      return undefined;
  }
}

/** The value a cell holds: euros from cents, a fraction from percent points, a UTC date for a day. */
function cellValue(column: Column, value: CellValue | undefined): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'money-cents':
      return (value as number) / 100;
    case 'percent':
      return (value as number) / 100;
    case 'date': {
      const { year, month, day } = dateParts(value as string);
      return new Date(Date.UTC(year, month - 1, day));
    }
    default:
      return value;
  }
}

/** What a person sees in the cell, to size the column by. */
function shownText(column: Column, value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'money-cents':
      return formatEur(value as number);
    case 'integer':
      return column.grouping === false ? String(value) : formatInteger(value as number);
    case 'decimal':
      return formatDecimal(value as number, column.fractionDigits ?? 2);
    case 'percent':
      return `${formatDecimal(value as number, column.fractionDigits ?? 0)} %`;
    case 'date':
      return formatDateNumeric(value as string);
    case 'text':
      return value as string;
  }
}

function columnWidth(table: Table, column: Column): number {
  if (column.width) return column.width;
  const longest = Math.max(
    column.header.length + 4, // room for the autofilter's button
    ...table.rows.map((row) => shownText(column, row[column.key]).length),
    table.totals && table.columns[0] === column ? table.totals.label.length : 0,
  );
  return Math.min(Math.max(longest + 2, 8), 60);
}

/** A1 notation: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

function addTable(sheet: Worksheet, table: Table, locale: TableLocale): void {
  const headerRowNumber = table.caption ? 2 : 1;
  if (table.caption) {
    const caption = sheet.getCell(1, 1);
    caption.value = table.caption;
    caption.font = { bold: true, size: 12 };
  }
  sheet.columns = table.columns.map((column) => ({
    key: column.key,
    width: columnWidth(table, column),
    style: numberFormat(column, locale) ? { numFmt: numberFormat(column, locale) } : {},
  }));
  const header = sheet.getRow(headerRowNumber);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  table.rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(headerRowNumber + 1 + r);
    table.columns.forEach((column, c) => {
      const value = cellValue(column, row[column.key]);
      if (value !== null) sheetRow.getCell(c + 1).value = value;
    });
  });
  const lastDataRow = headerRowNumber + table.rows.length;
  sheet.views = [
    { state: 'frozen', xSplit: 0, ySplit: headerRowNumber, topLeftCell: `A${headerRowNumber + 1}` },
  ];
  sheet.autoFilter = {
    from: { row: headerRowNumber, column: 1 },
    to: { row: lastDataRow, column: table.columns.length },
  };
  if (table.totals) addTotals(sheet, table, headerRowNumber, lastDataRow);
}

/**
 * The totals row below the filter range (sorting must not move it): a SUM formula, so the sheet
 * stays right when someone edits a cell, with its result computed from integer cents, so a
 * reader that does not calculate still sees the exact total.
 */
function addTotals(sheet: Worksheet, table: Table, headerRowNumber: number, lastDataRow: number): void {
  const totals = table.totals!;
  const row = sheet.getRow(lastDataRow + 1);
  const label = row.getCell(1);
  label.value = totals.label;
  for (const key of totals.columns) {
    const index = table.columns.findIndex((c) => c.key === key);
    const column = table.columns[index];
    if (!column || (column.type !== 'money-cents' && column.type !== 'integer')) {
      throw new TypeError(`totals of "${table.name}": "${key}" is not a money-cents or integer column`);
    }
    const sum = columnTotal(table, key);
    const result = column.type === 'money-cents' ? sum / 100 : sum;
    const letter = columnLetter(index);
    const cell: Cell = row.getCell(index + 1);
    cell.value =
      lastDataRow > headerRowNumber
        ? { formula: `SUM(${letter}${headerRowNumber + 1}:${letter}${lastDataRow})`, result }
        : result;
  }
  for (let c = 1; c <= table.columns.length; c += 1) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  }
}

/**
 * An XLSX workbook with one sheet per table, in order. `locale` `en` words the title, sheet
 * names, captions, headers and totals labels in English where the tables have English texts
 * (German per text otherwise) and shows days as ISO dates; the cells' values are the same.
 */
export async function writeXlsx(workbook: Workbook, locale: TableLocale = 'de'): Promise<Buffer> {
  workbook.sheets.forEach(assertTableValues);
  const sheets = workbook.sheets.map((table) => localizedTable(table, locale));
  // exceljs is loaded on first use: importing the library to format a date must stay cheap
  const { Workbook: ExcelWorkbook } = await import('exceljs');
  const book = new ExcelWorkbook();
  const { year, month, day } = dateParts(workbook.asOf);
  const asOf = new Date(Date.UTC(year, month - 1, day));
  book.creator = workbook.creator;
  book.lastModifiedBy = workbook.creator;
  book.title = locale === 'en' ? (workbook.titleEn ?? workbook.title) : workbook.title;
  book.created = asOf;
  book.modified = asOf;
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  sheets.forEach((table, i) => addTable(book.addWorksheet(names[i]), table, locale));
  return Buffer.from(await book.xlsx.writeBuffer());
}
