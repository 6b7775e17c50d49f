import { parse } from 'csv-parse/sync';
import { Workbook as ExcelWorkbook } from 'exceljs';
import { writeCsv } from './csv';
import { hasEnglish, localizedTable, type Table, tableLocale, workbookLocale } from './table-model';
import { writeXlsx } from './xlsx';

/** A table with English texts beside the German ones, and one without. */
function bilingual(): Table {
  return {
    name: 'Summen nach Jahr',
    nameEn: 'Totals by year',
    caption: 'Programm – Stand 31.12.2026',
    captionEn: 'Programme – as of 2026-12-31',
    columns: [
      {
        key: 'year',
        header: 'Jahr',
        headerEn: 'Year',
        machineHeader: 'year',
        type: 'integer',
        grouping: false,
      },
      {
        key: 'amount',
        header: 'Betrag (€)',
        headerEn: 'Amount (€)',
        machineHeader: 'amount_eur',
        type: 'money-cents',
      },
      {
        key: 'on',
        header: 'Anerkannt am',
        headerEn: 'Accepted on',
        machineHeader: 'accepted_on',
        type: 'date',
      },
    ],
    rows: [
      { year: 2026, amount: 123456, on: '2026-03-15' },
      { year: 2027, amount: 100, on: '2027-01-02' },
    ],
    totals: { label: 'Summe', labelEn: 'Total', columns: ['amount'] },
  };
}

function germanOnly(): Table {
  const table = bilingual();
  return {
    name: table.name,
    caption: table.caption,
    columns: table.columns.map(({ headerEn: _, ...c }) => c),
    rows: table.rows,
    totals: { label: 'Summe', columns: ['amount'] },
  };
}

async function readBook(bytes: Buffer): Promise<ExcelWorkbook> {
  const book = new ExcelWorkbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('exports in English where the table has English texts', () => {
  it('writes excel-de CSV with English headers and totals label, the dialect’s numbers unchanged', () => {
    const rows: string[][] = parse(writeCsv(bilingual(), 'excel-de', 'en'), { delimiter: ';', bom: true });
    expect(rows[0]).toEqual(['Year', 'Amount (€)', 'Accepted on']);
    expect(rows[1]).toEqual(['2026', '1234,56', '15.03.2026']);
    expect(rows[rows.length - 1][0]).toBe('Total');
  });

  it('stays German by default and for "de", and rfc4180 keeps snake_case in every language', () => {
    for (const text of [writeCsv(bilingual()), writeCsv(bilingual(), 'excel-de', 'de')]) {
      const rows: string[][] = parse(text, { delimiter: ';', bom: true });
      expect(rows[0]).toEqual(['Jahr', 'Betrag (€)', 'Anerkannt am']);
      expect(rows[rows.length - 1][0]).toBe('Summe');
    }
    const machine: string[][] = parse(writeCsv(bilingual(), 'rfc4180', 'en'), { delimiter: ',' });
    expect(machine[0]).toEqual(['year', 'amount_eur', 'accepted_on']);
  });

  it('falls back to German per text for a table without English, and says it is German', () => {
    const table = germanOnly();
    expect(hasEnglish(table)).toBe(false);
    expect(tableLocale(table, 'en')).toBe('de');
    expect(tableLocale(bilingual(), 'en')).toBe('en');
    expect(tableLocale(bilingual(), 'de')).toBe('de');
    const rows: string[][] = parse(writeCsv(table, 'excel-de', 'en'), { delimiter: ';', bom: true });
    expect(rows[0]).toEqual(['Jahr', 'Betrag (€)', 'Anerkannt am']);
    const mixed = { ...bilingual(), columns: [...bilingual().columns.slice(0, 2), germanOnly().columns[2]] };
    expect(localizedTable(mixed, 'en').columns.map((c) => c.header)).toEqual([
      'Year',
      'Amount (€)',
      'Anerkannt am',
    ]);
    expect(hasEnglish(mixed)).toBe(false);
  });

  it('writes an XLSX workbook in English: title, sheet name, caption, headers, totals, ISO dates', async () => {
    const workbook = {
      title: 'Ausgaben',
      titleEn: 'Expenditure',
      creator: 'Amt',
      asOf: '2026-12-31',
      sheets: [bilingual()],
    };
    expect(workbookLocale(workbook, 'en')).toBe('en');
    expect(workbookLocale({ ...workbook, sheets: [germanOnly()] }, 'en')).toBe('de');
    const book = await readBook(await writeXlsx(workbook, 'en'));
    expect(book.title).toBe('Expenditure');
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Totals by year');
    expect(sheet.getCell('A1').value).toBe('Programme – as of 2026-12-31');
    expect([1, 2, 3].map((c) => sheet.getRow(2).getCell(c).value)).toEqual([
      'Year',
      'Amount (€)',
      'Accepted on',
    ]);
    expect(sheet.getCell('A5').value).toBe('Total');
    expect(sheet.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('B3').value).toBe(1234.56);

    const german = await readBook(await writeXlsx(workbook));
    expect(german.title).toBe('Ausgaben');
    expect(german.worksheets[0].name).toBe('Summen nach Jahr');
    expect(german.worksheets[0].getRow(2).getCell(1).value).toBe('Jahr');
    expect(german.worksheets[0].getCell('C3').numFmt).toBe('dd.mm.yyyy');
  });
});
