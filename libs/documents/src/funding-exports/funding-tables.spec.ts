import { parse } from 'csv-parse/sync';
import { Workbook as ExcelWorkbook } from 'exceljs';
import { fundingExample } from '../testing/funding-example';
import { writeCsv } from '../tables/csv';
import { hasEnglish, workbookLocale } from '../tables/table-model';
import { writeXlsx } from '../tables/xlsx';
import { fundingByYearTable, fundingLinesTable, fundingWorkbook } from './funding-tables';

const view = fundingExample();

describe('the funding exports in English', () => {
  it('has English for every sheet of the workbook, so the whole workbook can be English', () => {
    const workbook = fundingWorkbook(view);
    expect(workbook.sheets.filter((s) => !hasEnglish(s)).map((s) => s.name)).toEqual([]);
    expect(workbookLocale(workbook, 'en')).toBe('en');
  });

  it('heads the CSV in English and keeps the sources as the programme names them, with the same cents', () => {
    const rows: string[][] = parse(writeCsv(fundingByYearTable(view), 'excel-de', 'en'), {
      delimiter: ';',
      bom: true,
    });
    expect(rows[0]).toEqual(['Year', 'Bund (€)', 'Land NRW (€)', 'Eigenmittel (€)', 'Total (€)']);
    const german: string[][] = parse(writeCsv(fundingByYearTable(view)), { delimiter: ';', bom: true });
    expect(rows.slice(1, -1)).toEqual(german.slice(1, -1));
    expect(rows.at(-1)?.[0]).toBe('Total');
    expect(rows.at(-1)?.slice(1)).toEqual(german.at(-1)?.slice(1));

    const lines: string[][] = parse(writeCsv(fundingLinesTable(view), 'excel-de', 'en'), {
      delimiter: ';',
      bom: true,
    });
    expect(lines[0]).toEqual([
      'Year',
      'Source',
      'Source ID',
      'Amount (€)',
      'Municipality',
      'AGS',
      'Grant',
      'Grant ID',
      'Report period',
      'Report ID',
      'Accepted on',
    ]);
  });

  it('writes the workbook in English: title, fixed sheets’ names, captions with the ISO date, headers', async () => {
    const book = new ExcelWorkbook();
    await book.xlsx.load((await writeXlsx(fundingWorkbook(view), 'en')) as unknown as ArrayBuffer);
    expect(book.title).toBe('Digitale Bildungslandschaften NRW 2026 – accepted expenditure');
    expect(book.worksheets.slice(0, 3).map((s) => s.name)).toEqual([
      'Totals by year',
      'Grants',
      'Line items',
    ]);
    expect(book.worksheets[0].getCell('A1').value).toBe(
      'Digitale Bildungslandschaften NRW 2026 – accepted expenditure by year and source – as of 2028-03-31',
    );
    // Sheets per grant and municipality keep their names: they are names.
    expect(book.worksheets.map((s) => s.name)).toContain('Kreis Unna');
    const byGrant = book.getWorksheet('Grants')!;
    expect((byGrant.getRow(2).values as unknown[]).slice(1, 5)).toEqual([
      'Municipality',
      'AGS',
      'Grant',
      'Grant ID',
    ]);
  });
});
