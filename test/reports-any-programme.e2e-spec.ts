import { EVENT_STORE, CommandService, TERMS_KKZ } from '@app/shared';
import type { EventStore } from '@app/eventsourcing';
import { ReportPeriodsPolicy } from '@app/reporting';
import { issueGrant } from './support/esf-reporting-world';
import { DORTMUND, KREIS_UNNA, PROGRAMME } from './support/fixtures';
import { bearer, startTestApi, type TestApi } from './support/test-api';

/**
 * A programme that is not the 2011 one reports by its own terms: quarterly interim reports due 30
 * days after each quarter, with its own indicators "Schulen angebunden" (count) and "Fachkräfte
 * qualifiziert" (persons). The notice opens the periods without a manual step (the worker's
 * policy, run here beside the API as the embedded default runs it).
 */
const INDICATORS = [
  {
    indicatorId: 'schulenAngebunden',
    name: 'Schulen angebunden',
    unit: 'Anzahl',
    type: 'integer',
    required: true,
  },
  {
    indicatorId: 'fachkraefteQualifiziert',
    name: 'Fachkräfte qualifiziert',
    unit: 'Personen',
    type: 'integer',
    required: false,
  },
];
const TERMS = {
  ...TERMS_KKZ,
  reporting: {
    schedule: { frequency: 'quarterly', anchor: 'calendar', due: { daysAfterPeriodEnd: 30 } },
    indicators: INDICATORS,
  },
};
const PERIOD = { from: '2026-05-01', to: '2027-04-30' };
// In the notice's proportions (43,000 ESF, 21,000 Land, 22,000 own funds).
const EXPENDITURE = { esfCents: 430_000, landCents: 210_000, ownCents: 220_000 };

jest.setTimeout(60_000);

describe('reports of a programme with quarterly reports and its own indicators', () => {
  let api: TestApi;
  let policy: ReportPeriodsPolicy;
  let grantId: string;
  const as = {} as Record<'office' | 'unna' | 'dortmund', Record<string, string>>;
  const reportsOpened = async () =>
    (await api.store.readAll()).filter((e) => e.type === 'ReportPeriodOpened');

  beforeAll(async () => {
    api = await startTestApi({ now: '2026-01-12T09:00:00.000Z' });
    as.office = bearer(await api.token('grants-office'));
    as.unna = bearer(await api.token('municipality', KREIS_UNNA));
    as.dortmund = bearer(await api.token('municipality', DORTMUND));
    await api.http.post('/programmes').set(as.office).send(PROGRAMME).expect(201);
    await api.http
      .post(`/programmes/${PROGRAMME.programmeId}/rules`)
      .set(as.office)
      .send({ version: 1, effectiveFrom: '2026-01-12', rules: TERMS })
      .expect(201);
    policy = new ReportPeriodsPolicy(api.app.get<EventStore>(EVENT_STORE), api.app.get(CommandService));
    policy.follow();
    grantId = await issueGrant(api, KREIS_UNNA, { version: 1, effectiveFrom: '2026-01-12' }, PERIOD);
  });
  afterAll(async () => {
    await policy?.stop();
    await api?.close();
  });

  it('opens the quarters with the notice, clipped to the grant, each due 30 days after it ends', async () => {
    const deadline = Date.now() + 10_000;
    while ((await reportsOpened()).length < 5 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const res = await api.http.get(`/grants/${grantId}/reports`).set(as.unna).expect(200);
    const items = (Array.isArray(res.body) ? res.body : res.body.items) as Array<Record<string, string>>;
    expect(items.map((r) => [r.periodId, r.from, r.to, r.dueDate].join(' '))).toEqual([
      '2026-Q2 2026-05-01 2026-06-30 2026-07-30',
      '2026-Q3 2026-07-01 2026-09-30 2026-10-30',
      '2026-Q4 2026-10-01 2026-12-31 2027-01-30',
      '2027-Q1 2027-01-01 2027-03-31 2027-04-30',
      '2027-Q2 2027-04-01 2027-04-30 2027-05-30',
    ]);
    const opened = await reportsOpened();
    expect(opened.map((e) => e.metadata.actor.subject)).toEqual(Array(5).fill('report-periods-policy'));
    expect((opened[0].data as { indicators: unknown }).indicators).toEqual(INDICATORS);
  });

  it('opens nothing twice when the policy follows the store again from its start', async () => {
    const again = new ReportPeriodsPolicy(api.app.get<EventStore>(EVENT_STORE), api.app.get(CommandService));
    const notice = (await api.store.readAll()).find((e) => e.type === 'GrantNoticeIssued');
    if (!notice) throw new Error('no notice in the store');
    await again.handle(notice);
    await again.handle(notice);
    expect(await reportsOpened()).toHaveLength(5);
  });

  it('accepts a report with the programme’s indicators under /reports', async () => {
    api.clock.set('2026-07-10T09:00:00.000Z');
    const reportId = `${grantId}.2026-Q2`;
    await api.http
      .post(`/reports/${reportId}/submissions`)
      .set(as.unna)
      .send({
        expenditure: EXPENDITURE,
        indicators: { schulenAngebunden: 4, fachkraefteQualifiziert: 12 },
        narrative: 'Vier Schulen an das Netz angebunden, zwölf Fachkräfte geschult.',
      })
      .expect(201);
    await api.http.post(`/reports/${reportId}/acceptance`).set(as.office).expect(200);
    const report = (await api.http.get(`/reports/${reportId}`).set(as.unna).expect(200)).body;
    expect(report.status).toBe('accepted');
    expect(report.accepted.indicators).toEqual({ schulenAngebunden: 4, fachkraefteQualifiziert: 12 });
  });

  it('refuses an indicator the programme does not report, in German naming it, and writes nothing', async () => {
    api.clock.set('2026-10-05T09:00:00.000Z');
    const before = await api.store.headPosition();
    const res = await api.http
      .post(`/reports/${grantId}.2026-Q3/submissions`)
      .set(as.unna)
      .send({
        expenditure: EXPENDITURE,
        indicators: { schulenAngebunden: 2, publicAdministrationsSupported: 5 },
        narrative: 'Zwei weitere Schulen angebunden.',
      })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('unknown-indicator');
    expect(res.body.detail).toMatch(/Indikator „publicAdministrationsSupported“.*„Schulen angebunden“/);
    const english = await api.http
      .post(`/reports/${grantId}.2026-Q3/submissions`)
      .set({ ...as.unna, 'Accept-Language': 'en' })
      .send({ expenditure: EXPENDITURE, indicators: { treesPlanted: 2 }, narrative: 'Bäume.' })
      .expect(422);
    expect(english.body.detail).toMatch(
      /indicator "treesPlanted" is not in this grant's indicator catalogue/,
    );
    const missing = await api.http
      .post(`/reports/${grantId}.2026-Q3/submissions`)
      .set(as.unna)
      .send({
        expenditure: EXPENDITURE,
        indicators: { fachkraefteQualifiziert: 3 },
        narrative: 'Schulungen.',
      })
      .expect(422);
    expect(missing.body.code).toBe('indicator-required');
    expect(missing.body.detail).toContain('„Schulen angebunden“');
    expect(await api.store.headPosition()).toBe(before);
  });

  it('keeps another municipality out of the grant’s reports', async () => {
    await api.http.get(`/grants/${grantId}/reports`).set(as.dortmund).expect(404);
    await api.http.get(`/reports/${grantId}.2026-Q2`).set(as.dortmund).expect(404);
  });
});
