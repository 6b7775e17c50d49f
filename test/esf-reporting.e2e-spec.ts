import { parse } from 'csv-parse/sync';
import { Workbook as ExcelWorkbook } from 'exceljs';
import { TERMS_KKZ } from '@app/shared';
import { ProjectionRunner, rebuild, type RecordedEvent } from '@app/eventsourcing';
import { esfReportsProjection, esfTotalsProjection } from '@app/reporting';
import { DORTMUND, KREIS_UNNA } from './support/fixtures';
import {
  type EsfWorld,
  issueGrant,
  reportContent as content,
  startEsfWorld,
} from './support/esf-reporting-world';

/** ESF reporting over HTTP, on grants issued over HTTP (see support/esf-reporting-world.ts). */
describe('ESF reporting: periods, submission, review, programme totals', () => {
  let w: EsfWorld;
  const report = (grantId: string, periodId: string) => `${grantId}.${periodId}`;

  beforeEach(async () => {
    w = await startEsfWorld();
  });
  afterEach(() => w.api.close());

  it('opens annual periods clipped to the grant, due the last day of the 4th month after each (30 April), and opens none twice', async () => {
    const first = await w.openPeriods(w.unnaGrant);
    expect(first.body).toMatchObject({
      grantId: w.unnaGrant,
      frequency: 'annual',
      dueMonthsAfterPeriodEnd: 4,
      scheduleSource: 'default',
    });
    expect(first.body.dueAfterPeriodEndDays).toBeUndefined();
    expect(
      first.body.periods.map((p: Record<string, unknown>) => [
        p.periodId,
        p.from,
        p.to,
        p.dueDate,
        p.openedNow,
      ]),
    ).toEqual([
      ['2012', '2012-03-01', '2012-12-31', '2013-04-30', true],
      ['2013', '2013-01-01', '2013-12-31', '2014-04-30', true],
      ['2014', '2014-01-01', '2014-12-31', '2015-04-30', true],
      ['2015', '2015-01-01', '2015-06-30', '2015-10-31', true],
    ]);
    const opened = (await w.api.store.readAll()).filter((e) => e.type === 'ReportPeriodOpened');
    expect(opened.map((e) => e.streamId)).toContain(`esf-report-${w.unnaGrant}.2012`);

    const before = await w.api.store.headPosition();
    const again = await w.openPeriods(w.unnaGrant);
    expect(again.body.periods.map((p: { openedNow: boolean }) => p.openedNow)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(await w.api.store.headPosition()).toBe(before);

    const listed = await w.api.http.get(`/grants/${w.unnaGrant}/esf-reports`).set(w.as.unna).expect(200);
    expect(
      listed.body.items.map((r: { periodId: string; status: string }) => `${r.periodId}:${r.status}`),
    ).toEqual(['2012:open', '2013:open', '2014:open', '2015:open']);
  });

  it('follows the semiannual schedule of the programme rules version the notice applied', async () => {
    // Rules are adopted before they take effect; the grant is issued in February 2012.
    w.api.clock.set('2011-10-17T09:00:00.000Z');
    await w.api.http
      .post('/programmes/kkz/rules')
      .set(w.as.office)
      .send({
        version: 1,
        effectiveFrom: '2011-11-01',
        rules: {
          ...TERMS_KKZ,
          reporting: {
            ...TERMS_KKZ.reporting,
            schedule: { frequency: 'semiannual', anchor: 'calendar', due: { daysAfterPeriodEnd: 30 } },
          },
        },
      })
      .expect(201);
    w.api.clock.set('2012-02-20T10:00:00.000Z');
    const grantId = await issueGrant(w.api, DORTMUND, { version: 1, effectiveFrom: '2011-11-01' });
    const res = await w.openPeriods(grantId);
    expect(res.body).toMatchObject({
      dueAfterPeriodEndDays: 30,
      frequency: 'semiannual',
      scheduleSource: 'programme-rules',
      rulesVersion: 1,
    });
    expect(res.body.periods.map((p: { periodId: string }) => p.periodId)).toEqual([
      '2012-H1',
      '2012-H2',
      '2013-H1',
      '2013-H2',
      '2014-H1',
      '2014-H2',
      '2015-H1',
    ]);
    expect(res.body.periods[0]).toMatchObject({
      from: '2012-03-01',
      to: '2012-06-30',
      dueDate: '2012-07-30',
    });
  });

  it('takes a report through return with remarks, corrected resubmission and acceptance', async () => {
    await w.openPeriods(w.unnaGrant);
    const reportId = report(w.unnaGrant, '2012');
    await w.api.http
      .put(`/esf-reports/${reportId}`)
      .set(w.as.unna)
      .send({ narrative: 'Entwurf', indicators: { publicAdministrationsSupported: 4 } })
      .expect(200);

    w.api.clock.set('2013-01-15T10:00:00.000Z');
    const first = await w
      .submit(reportId, {
        expenditure: { esfCents: 860_000, landCents: 420_000, ownCents: 440_000, totalCents: 1_720_000 },
      })
      .expect(201);
    expect(first.body).toEqual({ id: reportId, revision: 2 });
    const underReview = await w.api.http.get(`/esf-reports/${reportId}`).set(w.as.auditor).expect(200);
    expect(underReview.body).toMatchObject({
      status: 'submitted',
      submission: 1,
      submitted: { narrative: 'Entwurf', indicators: { publicAdministrationsSupported: 4 } },
    });

    w.api.clock.set('2013-01-20T10:00:00.000Z');
    await w.api.http
      .post(`/esf-reports/${reportId}/return`)
      .set(w.as.office)
      .send({ remarks: 'Personalkosten des Koordinators belegen; Sachkosten fehlen.' })
      .expect(200);
    const returned = await w.api.http.get(`/esf-reports/${reportId}`).set(w.as.unna).expect(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      remarks: 'Personalkosten des Koordinators belegen; Sachkosten fehlen.',
    });

    w.api.clock.set('2013-01-25T10:00:00.000Z');
    await w.submit(reportId, content(900_000, 430_000, 470_000)).expect(201);
    w.api.clock.set('2013-02-01T10:00:00.000Z');
    await w.api.http.post(`/esf-reports/${reportId}/acceptance`).set(w.as.office).expect(200);

    const done = await w.api.http.get(`/esf-reports/${reportId}`).set(w.as.unna).expect(200);
    expect(done.body).toMatchObject({
      status: 'accepted',
      submission: 2,
      accepted: {
        // Sent in the deprecated v1 form, recorded and shown per source of the notice.
        expenditure: [
          { sourceId: 'esf', cents: 900_000 },
          { sourceId: 'land', cents: 430_000 },
          { sourceId: 'own', cents: 470_000 },
        ],
        acceptedAt: '2013-02-01T10:00:00.000Z',
      },
    });
    expect(done.body.history.map((s: { step: string }) => s.step)).toEqual([
      'opened',
      'draft-saved',
      'submitted',
      'returned',
      'submitted',
      'accepted',
    ]);
    const acceptedEvent = (await w.api.store.readStream(`esf-report-${reportId}`)).at(-1) as RecordedEvent;
    expect(acceptedEvent).toMatchObject({
      type: 'ReportAccepted',
      data: {
        reportId,
        grantId: w.unnaGrant,
        programmeId: 'kkz',
        ags: KREIS_UNNA,
        periodId: '2012',
        from: '2012-03-01',
        to: '2012-12-31',
        year: 2012,
        // Sent in the deprecated v1 form, recorded and shown per source of the notice.
        expenditure: [
          { sourceId: 'esf', cents: 900_000 },
          { sourceId: 'land', cents: 430_000 },
          { sourceId: 'own', cents: 470_000 },
        ],
        indicators: { publicAdministrationsSupported: 5, participants: 120 },
      },
    });
  });

  describe('programme totals', () => {
    beforeEach(async () => {
      await w.openPeriods(w.unnaGrant);
      await w.openPeriods(w.oberhausenGrant);
      const flows = [
        [w.as.unna, report(w.unnaGrant, '2012'), content(860_000, 420_000, 440_000), '2013-01-15'],
        [
          w.as.oberhausen,
          report(w.oberhausenGrant, '2012'),
          content(1_000_001, 480_000, 520_001),
          '2013-01-16',
        ],
        [w.as.unna, report(w.unnaGrant, '2013'), content(1_200_000, 600_000, 700_033), '2014-01-20'],
      ] as const;
      for (const [who, reportId, body, day] of flows) {
        w.api.clock.set(`${day}T10:00:00.000Z`);
        await w.submit(reportId, body, who).expect(201);
        await w.api.http.post(`/esf-reports/${reportId}/acceptance`).set(w.as.office).expect(200);
      }
      // Submitted but not accepted: must not count.
      await w
        .submit(report(w.oberhausenGrant, '2013'), content(10_000, 4_000, 6_000), w.as.oberhausen)
        .expect(201);
    });

    it('equal, year by year and source by source, the sum of the accepted report events in the store', async () => {
      const totals = (await w.api.http.get('/programmes/kkz/esf-totals').set(w.as.auditor).expect(200)).body;
      const acceptedEvents = (await w.api.store.readAll()).filter((e) => e.type === 'ReportAccepted');
      expect(acceptedEvents).toHaveLength(3);
      const expected = new Map<
        string,
        { cents: number; positions: number[]; eventIds: string[]; reportIds: string[] }
      >();
      for (const e of acceptedEvents) {
        const d = e.data as {
          year: number;
          reportId: string;
          expenditure: { sourceId: string; cents: number }[];
        };
        expect(d.expenditure.map((s) => s.sourceId)).toEqual(['esf', 'land', 'own']);
        for (const { sourceId: source, cents } of d.expenditure) {
          const key = `${d.year}:${source}`;
          const line = expected.get(key) ?? { cents: 0, positions: [], eventIds: [], reportIds: [] };
          line.cents += cents;
          line.positions.push(e.position);
          line.eventIds.push(e.metadata.eventId);
          line.reportIds.push(d.reportId);
          expected.set(key, line);
        }
      }
      type Line = {
        year: number;
        source: string;
        cents: number;
        eur: string;
        reportIds: string[];
        events: { position: number; eventId: string; cents: number }[];
      };
      const actual = new Map(
        (totals.lines as Line[]).map((l) => [
          `${l.year}:${l.source}`,
          {
            cents: l.cents,
            positions: l.events.map((e) => e.position),
            eventIds: l.events.map((e) => e.eventId),
            reportIds: l.reportIds,
          },
        ]),
      );
      expect(actual).toEqual(expected);
      for (const line of totals.lines as Line[]) {
        expect(line.events.reduce((sum, e) => sum + e.cents, 0)).toBe(line.cents);
        expect(line.eur).toBe((line.cents / 100).toFixed(2));
      }
      expect(totals.lines.find((l: Line) => l.year === 2012 && l.source === 'esf')).toMatchObject({
        cents: 1_860_001,
        eur: '18600.01',
      });
      expect(totals.bySource).toEqual([
        { source: 'esf', cents: 3_060_001, eur: '30600.01' },
        { source: 'land', cents: 1_500_000, eur: '15000.00' },
        { source: 'own', cents: 1_660_034, eur: '16600.34' },
      ]);
      expect(totals.totalCents).toBe(6_220_035);

      // The read models rebuilt from the store equal the live ones.
      const events = await w.api.store.readAll();
      const runner = w.api.app.get(ProjectionRunner);
      expect(rebuild(esfTotalsProjection, events)).toEqual(runner.state(esfTotalsProjection));
      expect(rebuild(esfReportsProjection, events)).toEqual(runner.state(esfReportsProjection));
    });

    it('export as CSV for German Excel by default: BOM, ";", decimal comma, German headers, totals to the cent', async () => {
      const totals = (await w.api.http.get('/programmes/kkz/esf-totals').set(w.as.office).expect(200)).body;
      const res = await w.api.http.get('/programmes/kkz/esf-totals.csv').set(w.as.auditor).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="esf-totals-kkz.csv"');
      expect(res.text.startsWith('\ufeff')).toBe(true);
      const rows: string[][] = parse(res.text, { delimiter: ';', bom: true, record_delimiter: '\r\n' });
      expect(rows[0]).toEqual(['Jahr', 'ESF (€)', 'Land (€)', 'Eigenmittel (€)', 'Summe (€)']);
      expect(rows.slice(1).map((r) => r[0])).toEqual(['2012', '2013', 'Summe']);
      const cell = (year: number, source: string) =>
        (totals.lines as { year: number; source: string; cents: number }[]).find(
          (l) => l.year === year && l.source === source,
        )?.cents ?? 0;
      for (const [i, year] of [2012, 2013].entries())
        expect(rows[i + 1].slice(1, 4).map(germanCents)).toEqual(
          ['esf', 'land', 'own'].map((s) => cell(year, s)),
        );
      expect(rows[1][1]).toBe('18600,01');
      expect(germanCents(rows[3][4])).toBe(totals.totalCents);
    });

    it('export as CSV for programs with ?dialect=rfc4180, every amount traced to its report with ?table=lines', async () => {
      const res = await w.api.http
        .get('/programmes/kkz/esf-totals.csv?dialect=rfc4180&table=lines')
        .set(w.as.office)
        .expect(200);
      expect(res.text.startsWith('\ufeff')).toBe(false);
      const rows: Record<string, string>[] = parse(res.text, { columns: true });
      const accepted = (await w.api.store.readAll()).filter((e) => e.type === 'ReportAccepted');
      expect(rows).toHaveLength(accepted.length * 3);
      expect(new Set(rows.map((r) => r.report_id))).toEqual(
        new Set(accepted.map((e) => (e.data as { reportId: string }).reportId)),
      );
      expect(rows.find((r) => r.ags === KREIS_UNNA)).toMatchObject({
        municipality: 'Kreis Unna',
        grant: 'Kreis Unna – Förderphase I',
        report_period: '2012',
      });
      const sum = rows.reduce((total, r) => total + Math.round(Number(r.amount_eur) * 100), 0);
      const totals = (await w.api.http.get('/programmes/kkz/esf-totals').set(w.as.office).expect(200)).body;
      expect(sum).toBe(totals.totalCents);
      await w.api.http.get('/programmes/kkz/esf-totals.csv?dialect=excel').set(w.as.office).expect(400);
    });

    it('export as an XLSX workbook: totals by year, a sheet per grant and per municipality, reconciling to the cent', async () => {
      const res = await w.api.http
        .get('/programmes/kkz/esf-totals.xlsx')
        .set(w.as.office)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const book = new ExcelWorkbook();
      await book.xlsx.load(res.body as ArrayBuffer);
      const names = book.worksheets.map((sheet) => sheet.name);
      expect(names.slice(0, 3)).toEqual(['Summen nach Jahr', 'Zuwendungen', 'Einzelposten']);
      expect(names).toEqual(expect.arrayContaining(['Kreis Unna', 'Oberhausen']));
      const totals = (await w.api.http.get('/programmes/kkz/esf-totals').set(w.as.office).expect(200)).body;
      // The last row of each sheet is its totals row; the sheets of the municipalities add up to the programme's.
      const lastTotal = (name: string) => {
        const sheet = book.getWorksheet(name)!;
        const values = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
        const numbers = values.map((v) =>
          typeof v === 'object' && v !== null && 'result' in v ? (v as { result: number }).result : v,
        );
        return Math.round((numbers.filter((n) => typeof n === 'number').at(-1) as number) * 100);
      };
      expect(lastTotal('Summen nach Jahr')).toBe(totals.totalCents);
      expect(lastTotal('Kreis Unna') + lastTotal('Oberhausen')).toBe(totals.totalCents);
      const header = book.getWorksheet('Summen nach Jahr')!;
      expect(header.views[0]).toMatchObject({ state: 'frozen' });
    });
  });
});

/** "18.600,01" → 1860001, through string arithmetic (no float rounding). */
function germanCents(text: string): number {
  const match = /^(-?)([\d.]+),(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a German amount: ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2].replace(/\./g, '')) * 100 + Number(match[3]));
}
