import { strFromU8, unzipSync } from 'fflate';
import type { EsfTotalsView } from '../queries/esf-reports.queries';
import { toCsv } from './csv';
import { esfTotalsCsv, esfTotalsXlsx } from './esf-totals.export';
import { columnName, xlsxWorkbook } from './xlsx-workbook';

const contribution = (reportId: string, position: number, cents: number) => ({
  reportId,
  grantId: reportId.slice(0, -5),
  ags: '05978000',
  eventId: `e-${position}`,
  position,
  cents,
  eur: '',
});

const totals: EsfTotalsView = {
  programmeId: 'kkz',
  currency: 'EUR',
  lines: [
    {
      year: 2012,
      source: 'esf',
      cents: 1_234_507,
      eur: '12345.07',
      reportIds: ['kkz.phase-1.05978000.2012', 'kkz.phase-1.05119000.2012'],
      events: [
        contribution('kkz.phase-1.05978000.2012', 17, 800_000),
        contribution('kkz.phase-1.05119000.2012', 23, 434_507),
      ],
    },
  ],
  bySource: [],
  totalCents: 1_234_507,
  totalEur: '12345.07',
};

describe('ESF totals exports', () => {
  it('writes RFC 4180 CSV: CRLF, comma-separated, quotes only where needed, doubled inside', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 5]])).toBe(
      'a,"b,c","say ""hi""","two\nlines",5\r\n',
    );
    expect(esfTotalsCsv(totals)).toBe(
      'year,source,amount_eur,amount_cents,report_ids,event_ids,event_positions\r\n' +
        '2012,esf,12345.07,1234507,kkz.phase-1.05978000.2012 kkz.phase-1.05119000.2012,e-17 e-23,17 23\r\n',
    );
  });

  it('writes an XLSX package with the five required parts and numeric cells', () => {
    const files = unzipSync(esfTotalsXlsx(totals));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(strFromU8(files['xl/workbook.xml'])).toContain('<sheet name="ESF kkz" sheetId="1" r:id="rId1"/>');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="A2"><v>2012</v></c>');
    expect(sheet).toContain('<c r="C2"><v>12345.07</v></c>');
    expect(sheet).toContain('<c r="D2"><v>1234507</v></c>');
    expect(sheet).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve">esf</t></is></c>');
  });

  it('escapes markup in text cells, drops characters XML cannot hold, and gives the same bytes each time', () => {
    const book = () => xlsxWorkbook('s', [['<a & "b">\u0001']]);
    expect(strFromU8(unzipSync(book())['xl/worksheets/sheet1.xml'])).toContain(
      '&lt;a &amp; &quot;b&quot;&gt;</t>',
    );
    expect(Buffer.from(book()).equals(Buffer.from(book()))).toBe(true);
    expect(() => xlsxWorkbook('s', [[Number.NaN]])).toThrow();
  });

  it('names columns A…Z, AA…', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
