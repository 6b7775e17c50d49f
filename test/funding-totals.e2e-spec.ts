import { parse } from 'csv-parse/sync';
import { Workbook as ExcelWorkbook } from 'exceljs';
import type { Response } from 'supertest';
import { type EsfWorld, reportContent, startEsfWorld } from './support/esf-reporting-world';

/**
 * Funding totals by source, on the first programme (its sources ESF, Land, own funds): the
 * neutral route lists each source by the name the programme's terms give it and agrees, year by
 * year, with the deprecated ESF totals; its CSV and XLSX read back to the same cents.
 */
describe('funding totals per source and year', () => {
  let w: EsfWorld;
  const report = (grantId: string, periodId: string) => `${grantId}.${periodId}`;

  beforeAll(async () => {
    w = await startEsfWorld();
    await w.openPeriods(w.unnaGrant);
    await w.openPeriods(w.oberhausenGrant);
    const flows = [
      [w.as.unna, report(w.unnaGrant, '2012'), reportContent(860_000, 420_000, 440_000), '2013-01-15'],
      [
        w.as.oberhausen,
        report(w.oberhausenGrant, '2012'),
        reportContent(1_000_001, 480_000, 520_001),
        '2013-01-16',
      ],
      [w.as.unna, report(w.unnaGrant, '2013'), reportContent(1_200_000, 600_000, 700_033), '2014-01-20'],
    ] as const;
    for (const [who, reportId, body, day] of flows) {
      w.api.clock.set(`${day}T10:00:00.000Z`);
      await w.submit(reportId, body, who).expect(201);
      await w.api.http.post(`/esf-reports/${reportId}/acceptance`).set(w.as.office).expect(200);
    }
    // Submitted, not accepted: does not count.
    await w
      .submit(report(w.oberhausenGrant, '2013'), reportContent(10_000, 4_000, 6_000), w.as.oberhausen)
      .expect(201);
  });
  afterAll(() => w.api.close());

  it('names each source as the terms do and agrees with the ESF totals, year by year and source by source', async () => {
    const totals = (await w.api.http.get('/programmes/kkz/funding-totals').set(w.as.auditor).expect(200))
      .body;
    expect(totals.sources.map((s: { sourceId: string; name: string }) => [s.sourceId, s.name])).toEqual([
      ['esf', 'ESF'],
      ['land', 'Land'],
      ['own', 'Eigenmittel'],
    ]);
    expect(totals.years).toEqual([
      {
        year: 2012,
        bySource: [
          { sourceId: 'esf', cents: 1_860_001 },
          { sourceId: 'land', cents: 900_000 },
          { sourceId: 'own', cents: 960_001 },
        ],
        totalCents: 3_720_002,
      },
      {
        year: 2013,
        bySource: [
          { sourceId: 'esf', cents: 1_200_000 },
          { sourceId: 'land', cents: 600_000 },
          { sourceId: 'own', cents: 700_033 },
        ],
        totalCents: 2_500_033,
      },
    ]);
    const esf = (await w.api.http.get('/programmes/kkz/esf-totals').set(w.as.auditor).expect(200)).body;
    expect(totals.totalCents).toBe(esf.totalCents);
    for (const line of esf.lines as { year: number; source: string; cents: number }[]) {
      const year = totals.years.find((y: { year: number }) => y.year === line.year);
      expect(year.bySource.find((s: { sourceId: string }) => s.sourceId === line.source).cents).toBe(
        line.cents,
      );
    }
  });

  it('exports a CSV with the sources’ names as German headers that reads back to the same cents', async () => {
    const res = await w.api.http.get('/programmes/kkz/funding-totals.csv').set(w.as.office).expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="finanzierung-kkz.csv"');
    const rows: string[][] = parse(res.text.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      relax_column_count: true,
    });
    const header = rows.findIndex((r) => r[0] === 'Jahr');
    expect(rows[header]).toEqual(['Jahr', 'ESF (€)', 'Land (€)', 'Eigenmittel (€)', 'Gesamt (€)']);
    const cents = (cell: string) => Math.round(Number(cell.replace(/\./g, '').replace(',', '.')) * 100);
    expect(rows[header + 1].slice(0, 1)).toEqual(['2012']);
    expect(rows[header + 1].slice(1).map(cents)).toEqual([1_860_001, 900_000, 960_001, 3_720_002]);
    const sum = rows.find((r) => r[0] === 'Summe') as string[];
    expect(cents(sum[4])).toBe(6_220_035);

    const machine = await w.api.http
      .get('/programmes/kkz/funding-totals.csv?dialect=rfc4180')
      .set(w.as.office)
      .expect(200);
    const records: Record<string, string>[] = parse(machine.text, { columns: true });
    expect(Object.keys(records[0])).toEqual(['year', 'esf_eur', 'land_eur', 'own_eur', 'total_eur']);
  });

  it('exports an XLSX workbook whose totals reconcile to the cent', async () => {
    const res: Response = await w.api.http
      .get('/programmes/kkz/funding-totals.xlsx')
      .set(w.as.office)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelWorkbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Ausgaben nach Jahr', 'Anteile der Quellen']);
    const sheet = book.getWorksheet('Ausgaben nach Jahr')!;
    const texts = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1).map(String);
    const headerRow = [...Array(sheet.rowCount).keys()]
      .map((i) => i + 1)
      .find((r) => texts(r)[0] === 'Jahr')!;
    expect(texts(headerRow)).toEqual(['Jahr', 'ESF (€)', 'Land (€)', 'Eigenmittel (€)', 'Gesamt (€)']);
    const last = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
    const value = (v: unknown) =>
      typeof v === 'object' && v !== null && 'result' in v ? (v as { result: number }).result : v;
    expect(Math.round((value(last.at(-1)) as number) * 100)).toBe(6_220_035);
  });

  it('answers the CSV in English on Accept-Language: en: English headers, the sources by their names, the same cents', async () => {
    const res = await w.api.http
      .get('/programmes/kkz/funding-totals.csv')
      .set(w.as.office)
      .set('Accept-Language', 'en-GB,en;q=0.9,de;q=0.5')
      .expect(200);
    expect(res.headers['content-language']).toBe('en');
    expect(res.headers['vary']).toMatch(/Accept-Language/i);
    const rows: string[][] = parse(res.text.replace(/^\uFEFF/, ''), { delimiter: ';' });
    expect(rows[0]).toEqual(['Year', 'ESF (€)', 'Land (€)', 'Eigenmittel (€)', 'Total (€)']);
    const cents = (cell: string) => Math.round(Number(cell.replace(/\./g, '').replace(',', '.')) * 100);
    expect(rows[1][0]).toBe('2012');
    expect(rows[1].slice(1).map(cents)).toEqual([1_860_001, 900_000, 960_001, 3_720_002]);
    const sum = rows.find((r) => r[0] === 'Total') as string[];
    expect(cents(sum[4])).toBe(6_220_035);

    const german = await w.api.http
      .get('/programmes/kkz/funding-totals.csv')
      .set(w.as.office)
      .set('Accept-Language', 'de-DE,en;q=0.5')
      .expect(200);
    expect(german.headers['content-language']).toBe('de');
    expect(german.headers['vary']).toMatch(/Accept-Language/i);
    expect(german.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Jahr;ESF (€);Land (€);Eigenmittel (€);Gesamt (€)',
    );
  });

  it('answers the XLSX in English on Accept-Language: en: title, sheet names, caption, headers, totals', async () => {
    const res: Response = await w.api.http
      .get('/programmes/kkz/funding-totals.xlsx')
      .set(w.as.auditor)
      .set('Accept-Language', 'en')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-language']).toBe('en');
    expect(res.headers['vary']).toMatch(/Accept-Language/i);
    const book = new ExcelWorkbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    expect(book.title).toMatch(/: expenditure by funding source$/);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Expenditure by year', 'Shares of the sources']);
    const sheet = book.getWorksheet('Expenditure by year')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/: accepted expenditure by year and funding source$/);
    const texts = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1).map(String);
    expect(texts(2)).toEqual(['Year', 'ESF (€)', 'Land (€)', 'Eigenmittel (€)', 'Total (€)']);
    const last = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(last[1]).toBe('Total');
    const value = (v: unknown) =>
      typeof v === 'object' && v !== null && 'result' in v ? (v as { result: number }).result : v;
    expect(Math.round((value(last.at(-1)) as number) * 100)).toBe(6_220_035);
    const shares = book.getWorksheet('Shares of the sources')!;
    const shareHeader = (shares.getRow(1).values as unknown[]).slice(1).map(String);
    expect(shareHeader).toEqual(['Funding source', 'Amount (€)', 'Share']);
    expect(shares.getCell('A2').value).toBe('ESF');
  });

  it('is the office’s and the auditors’: a municipality, even a grantee, and an evaluator are refused', async () => {
    for (const who of [w.as.unna, w.as.dortmund, w.as.evaluator])
      for (const suffix of ['', '.csv', '.xlsx'])
        await w.refused(
          () => w.api.http.get(`/programmes/kkz/funding-totals${suffix}`).set(who),
          403,
          'forbidden-role',
        );
    await w.refused(
      () => w.api.http.get('/programmes/nope/funding-totals').set(w.as.office),
      404,
      'not-found',
    );
  });
});
