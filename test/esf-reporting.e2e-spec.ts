import { TERMS_KKZ } from '@app/shared';
import { strFromU8, unzipSync } from 'fflate';
import { ProjectionRunner, rebuild, type RecordedEvent } from '@app/eventsourcing';
import { esfReportsProjection, esfTotalsProjection } from '@app/esf-reporting';
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
    const opened = (await w.api.store.readAll()).filter((e) => e.type === 'EsfReportPeriodOpened');
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
        expenditure: { esfCents: 900_000, landCents: 430_000, ownCents: 470_000 },
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
      type: 'EsfReportAccepted',
      data: {
        reportId,
        grantId: w.unnaGrant,
        programmeId: 'kkz',
        ags: KREIS_UNNA,
        periodId: '2012',
        from: '2012-03-01',
        to: '2012-12-31',
        year: 2012,
        expenditure: { esfCents: 900_000, landCents: 430_000, ownCents: 470_000 },
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
      const acceptedEvents = (await w.api.store.readAll()).filter((e) => e.type === 'EsfReportAccepted');
      expect(acceptedEvents).toHaveLength(3);
      const expected = new Map<
        string,
        { cents: number; positions: number[]; eventIds: string[]; reportIds: string[] }
      >();
      for (const e of acceptedEvents) {
        const d = e.data as { year: number; reportId: string; expenditure: Record<string, number> };
        for (const source of ['esf', 'land', 'own']) {
          const key = `${d.year}:${source}`;
          const line = expected.get(key) ?? { cents: 0, positions: [], eventIds: [], reportIds: [] };
          line.cents += d.expenditure[`${source}Cents`];
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

    it('export as CSV with the same lines, amounts in EUR with two places', async () => {
      const totals = (await w.api.http.get('/programmes/kkz/esf-totals').set(w.as.office).expect(200)).body;
      const res = await w.api.http.get('/programmes/kkz/esf-totals.csv').set(w.as.auditor).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="esf-totals-kkz.csv"');
      const lines = res.text.split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines[0]).toBe('year,source,amount_eur,amount_cents,report_ids,event_ids,event_positions');
      expect(lines.slice(1, -1)).toEqual(
        totals.lines.map(
          (l: {
            year: number;
            source: string;
            eur: string;
            cents: number;
            reportIds: string[];
            events: { eventId: string; position: number }[];
          }) =>
            [
              l.year,
              l.source,
              l.eur,
              l.cents,
              l.reportIds.join(' '),
              l.events.map((e) => e.eventId).join(' '),
              l.events.map((e) => e.position).join(' '),
            ].join(','),
        ),
      );
      expect(lines[1]).toMatch(/^2012,esf,18600\.01,1860001,/);
      expect(lines[6]).toMatch(/^2013,own,7000\.33,700033,/);
    });

    it('export as an XLSX workbook whose sheet holds the amounts as numbers', async () => {
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
      const files = unzipSync(new Uint8Array(res.body as Buffer));
      expect(Object.keys(files)).toEqual(
        expect.arrayContaining([
          '[Content_Types].xml',
          '_rels/.rels',
          'xl/workbook.xml',
          'xl/_rels/workbook.xml.rels',
          'xl/worksheets/sheet1.xml',
        ]),
      );
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
      const rows = [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map(([, , cells]) =>
        [
          ...cells.matchAll(
            /<c r="[A-Z]+\d+"( t="inlineStr")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g,
          ),
        ].map(([, text, number, string]) => (text ? string : Number(number))),
      );
      expect(rows).toHaveLength(7);
      expect(rows[0].slice(0, 4)).toEqual(['year', 'source', 'amount_eur', 'amount_cents']);
      expect(rows[1].slice(0, 4)).toEqual([2012, 'esf', 18600.01, 1860001]);
      expect(rows[6].slice(0, 4)).toEqual([2013, 'own', 7000.33, 700033]);
      expect(sheet).toContain('<c r="C2"><v>18600.01</v></c>');
    });
  });
});
