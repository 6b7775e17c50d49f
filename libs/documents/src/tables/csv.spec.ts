import { parse } from 'csv-parse/sync';
import { fundingByYearTable, fundingLinesTable } from '../funding-exports/funding-tables';
import { fundingExample } from '../testing/funding-example';
import { writeCsv } from './csv';
import type { Table } from './table-model';

/** "1234567,89" (German) or "1234567.89" → cents, through string arithmetic (no float rounding). */
function cents(text: string): number {
  const match = /^(-?)(\d+)[.,](\d{2})$/.exec(text);
  if (!match) throw new Error(`not an amount: ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

const view = fundingExample();
const expectedTotal = view.lines.reduce((sum, l) => sum + l.cents, 0);

describe('CSV for German offices (excel-de) and for programs (rfc4180)', () => {
  it('writes what German Excel opens as columns: BOM, ";", CRLF, German headers, decimal comma', () => {
    const text = writeCsv(fundingByYearTable(view));
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows: string[][] = parse(text, { delimiter: ';', bom: true, record_delimiter: '\r\n' });
    expect(rows[0]).toEqual(['Jahr', 'Bund (€)', 'Land NRW (€)', 'Eigenmittel (€)', 'Summe (€)']);
    // every year of the programme, 2028 without money included, then the totals row
    expect(rows.slice(1).map((r) => r[0])).toEqual(['2026', '2027', '2028', 'Summe']);
    expect(rows[3]).toEqual(['2028', '0,00', '0,00', '0,00', '0,00']);
    const totals = rows[rows.length - 1];
    expect(cents(totals[4])).toBe(expectedTotal);
    // each column's rows add up to its total, and the sources to the row's sum, to the cent
    for (let c = 1; c <= 4; c += 1) {
      expect(rows.slice(1, -1).reduce((sum, r) => sum + cents(r[c]), 0)).toBe(cents(totals[c]));
    }
    for (const r of rows.slice(1)) expect(cents(r[1]) + cents(r[2]) + cents(r[3])).toBe(cents(r[4]));
  });

  it('quotes a field holding the separator or a quote (RFC 4180), and dates read 15.03.2026', () => {
    const text = writeCsv(fundingLinesTable(view));
    expect(text).toContain('"Gemeinde Holzwickede; ""Emscherquelle"""');
    const rows: Record<string, string>[] = parse(text, { delimiter: ';', bom: true, columns: true });
    const holz = rows.find((r) => r['AGS'] === '05978016')!;
    expect(holz['Kommune']).toBe('Gemeinde Holzwickede; "Emscherquelle"');
    expect(holz['Anerkannt am']).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(holz['Berichtszeitraum']).toBe('3. Quartal 2026');
    const data = rows.filter((r) => r['Jahr'] !== 'Summe');
    expect(data).toHaveLength(view.lines.length);
    expect(data.reduce((sum, r) => sum + cents(r['Betrag (€)']), 0)).toBe(expectedTotal);
  });

  it('writes rfc4180 for programs: ",", decimal point, ISO dates, snake_case headers, no BOM, no totals row', () => {
    const text = writeCsv(fundingLinesTable(view), 'rfc4180');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows: Record<string, string>[] = parse(text, { delimiter: ',', columns: true });
    expect(Object.keys(rows[0])).toEqual([
      'year',
      'source',
      'source_id',
      'amount_eur',
      'municipality',
      'ags',
      'grant',
      'grant_id',
      'report_period',
      'report_id',
      'accepted_on',
    ]);
    expect(rows).toHaveLength(view.lines.length);
    expect(rows[0].amount_eur).toMatch(/^\d+\.\d{2}$/);
    expect(rows[0].accepted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.reduce((sum, r) => sum + cents(r.amount_eur), 0)).toBe(expectedTotal);
  });

  it('keeps a spreadsheet from running a text as a formula in the excel-de dialect only', () => {
    const table: Table = {
      name: 't',
      columns: [{ key: 'note', header: 'Vermerk', machineHeader: 'note', type: 'text' }],
      rows: [{ note: '=HYPERLINK("http://example.invalid")' }, { note: '-5' }, { note: 'Kreis Unna' }],
    };
    const german: string[][] = parse(writeCsv(table), { delimiter: ';', bom: true });
    expect(german.slice(1).map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://example.invalid")`,
      `'-5`,
      'Kreis Unna',
    ]);
    const machine: string[][] = parse(writeCsv(table, 'rfc4180'));
    expect(machine[1][0]).toBe('=HYPERLINK("http://example.invalid")');
  });

  it('writes percentages and decimals with the column’s places, and refuses a value of the wrong type', () => {
    const table: Table = {
      name: 't',
      columns: [
        {
          key: 'share',
          header: 'Anteil (%)',
          machineHeader: 'share_percent',
          type: 'percent',
          fractionDigits: 1,
        },
        { key: 'area', header: 'Fläche (m²)', machineHeader: 'area_m2', type: 'decimal', fractionDigits: 2 },
      ],
      rows: [{ share: 49.25, area: 1234.005 }],
    };
    expect(writeCsv(table).split('\r\n')[1]).toBe('49,3;1234,01');
    expect(writeCsv(table, 'rfc4180').split('\r\n')[1]).toBe('49.3,1234.01');
    expect(() => writeCsv({ ...table, rows: [{ share: '49 %' }] })).toThrow(/row 1, column "share"/);
  });
});
