import { Workbook as ExcelWorkbook, type Worksheet } from 'exceljs';
import { fundingWorkbook } from '../funding-exports/funding-tables';
import { fundingExample } from '../testing/funding-example';
import { uniqueSheetNames } from './sheet-names';
import { columnLetter, writeXlsx } from './xlsx';

const view = fundingExample();
const expectedTotal = view.lines.reduce((sum, l) => sum + l.cents, 0);

async function reread(bytes: Buffer): Promise<ExcelWorkbook> {
  const book = new ExcelWorkbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** The cents of a money cell as Excel would show them: the stored euros rounded to the cent. */
const centsOf = (value: unknown): number => {
  const number = typeof value === 'object' && value !== null && 'result' in value ? value.result : value;
  if (typeof number !== 'number') throw new Error(`not a number: ${JSON.stringify(value)}`);
  return Math.round(number * 100);
};

/** The header row, the data rows and the totals row of a sheet written with a caption line. */
function parts(sheet: Worksheet) {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return { caption: rows[0][0], header: rows[1], data: rows.slice(2, -1), totals: rows[rows.length - 1] };
}

describe('XLSX through exceljs', () => {
  let book: ExcelWorkbook;
  beforeAll(async () => {
    book = await reread(await writeXlsx(fundingWorkbook(view)));
  });

  it('has the totals by year and source, one row per grant, every line, a sheet per grant and per municipality', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Summen nach Jahr',
      'Zuwendungen',
      'Einzelposten',
      'Holzwickede – Aufbau',
      'Kreis Unna – Aufbau',
      'Gemeinde Holzwickede; "Emscherq',
      'Kreis Unna',
    ]);
    expect(book.creator).toBe(view.issuer);
    expect(book.created.toISOString()).toBe('2028-03-31T00:00:00.000Z');
  });

  it('freezes and bolds the header, filters it, and sizes the columns', () => {
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      const header = sheet.getRow(2);
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(sheet.autoFilter).toBeTruthy();
      for (const column of sheet.columns) expect(column.width).toBeGreaterThanOrEqual(8);
    }
    const years = book.getWorksheet('Summen nach Jahr')!;
    expect(years.getRow(2).values).toEqual([
      undefined,
      'Jahr',
      'Bund (€)',
      'Land NRW (€)',
      'Eigenmittel (€)',
      'Summe (€)',
    ]);
    // header and data rows only: sorting must not move the totals row in row 6
    expect(years.autoFilter).toBe('A2:E5');
  });

  it('stores real numbers with a € format, years without grouping, and dates as dates', () => {
    const years = book.getWorksheet('Summen nach Jahr')!;
    const amount = years.getCell('B3');
    expect(typeof amount.value).toBe('number');
    expect(amount.numFmt).toBe('#,##0.00 "€"');
    expect(years.getCell('A3').value).toBe(2026);
    expect(years.getCell('A3').numFmt).toBe('0');
    const lines = book.getWorksheet('Einzelposten')!;
    const accepted = lines.getCell('K3');
    expect(accepted.value).toBeInstanceOf(Date);
    expect(accepted.numFmt).toBe('dd.mm.yyyy');
    expect((accepted.value as Date).toISOString()).toMatch(/T00:00:00\.000Z$/);
  });

  it('shows every year of the programme, also one without money', () => {
    const { data } = parts(book.getWorksheet('Summen nach Jahr')!);
    expect(data.map((r) => r[0])).toEqual([2026, 2027, 2028]);
    expect(data[2].slice(1).map(centsOf)).toEqual([0, 0, 0, 0]);
  });

  it('has a totals row on every sheet that reconciles to the cent with its rows and with the other sheets', () => {
    const grandTotal = (sheet: Worksheet) => {
      const { header, totals } = parts(sheet);
      return centsOf(totals[header.findIndex((t) => t === 'Summe (€)' || t === 'Betrag (€)')]);
    };
    for (const sheet of book.worksheets) {
      const { header, data, totals } = parts(sheet);
      expect(totals[0]).toBe('Summe');
      header.forEach((title, c) => {
        if (typeof title !== 'string' || !title.endsWith('(€)')) return;
        const sum = data.reduce((acc: number, r) => acc + (r[c] === undefined ? 0 : centsOf(r[c])), 0);
        expect(centsOf(totals[c])).toBe(sum);
        const formula = (totals[c] as { formula?: string }).formula;
        expect(formula).toBe(`SUM(${columnLetter(c)}3:${columnLetter(c)}${data.length + 2})`);
      });
    }
    const [byYear, byGrant, lines, ...perSheet] = book.worksheets;
    expect([byYear, byGrant, lines].map(grandTotal)).toEqual([expectedTotal, expectedTotal, expectedTotal]);
    const grants = perSheet.slice(0, 2).map(grandTotal);
    const municipalities = perSheet.slice(2).map(grandTotal);
    expect(grants.reduce((a, b) => a + b)).toBe(expectedTotal);
    expect(municipalities.reduce((a, b) => a + b)).toBe(expectedTotal);
  });
});

describe('sheet names', () => {
  it('keeps Excel’s rules: 31 characters, no [ ] : * ? / \\, unique regardless of case', () => {
    expect(
      uniqueSheetNames([
        'Kreis Unna – Förderphase I (2012–2015)',
        'Kreis Unna – Förderphase I (2012–2015) bis',
        'a/b:c',
        'A-B-C',
        "'quoted'",
      ]),
    ).toEqual([
      'Kreis Unna – Förderphase I (201',
      'Kreis Unna – Förderphase I (2)',
      'a-b-c',
      'A-B-C (2)',
      'quoted',
    ]);
  });
});
