import { DORTMUND } from './support/fixtures';
import {
  type EsfWorld,
  issueGrant,
  reportContent as content,
  startEsfWorld,
} from './support/esf-reporting-world';

/** Every refusal of ESF reporting answers problem+json with its code, and the store head stays where it was. */
describe('ESF reporting refusals answer problem+json with a code and write nothing', () => {
  let w: EsfWorld;
  const report = (grantId: string, periodId: string) => `${grantId}.${periodId}`;
  afterEach(() => w.api.close());

  const reportId = () => report(w.unnaGrant, '2012');
  beforeEach(async () => {
    w = await startEsfWorld();
    await w.openPeriods(w.unnaGrant);
    w.api.clock.set('2013-01-15T10:00:00.000Z');
  });

  it('refuses reports for periods not opened or not yet ended', async () => {
    await w.refused(
      () => w.submit(report(w.unnaGrant, '2016'), content(0, 0, 0)),
      422,
      'esf-report-period-not-opened',
    );
    w.api.clock.set('2013-06-01T10:00:00.000Z');
    await w.refused(
      () => w.submit(report(w.unnaGrant, '2013'), content(0, 0, 0)),
      422,
      'esf-report-period-not-ended',
    );
  });

  it('refuses figures that do not add up, are not whole cents, or exceed the notice', async () => {
    await w.refused(
      () =>
        w.submit(
          reportId(),
          content(0, 0, 0, { expenditure: { esfCents: 10, landCents: 5, ownCents: 5, totalCents: 21 } }),
        ),
      422,
      'expenditure-total-mismatch',
    );
    await w.refused(() => w.submit(reportId(), content(-1, 0, 0)), 400, 'validation-failed');
    await w.refused(() => w.submit(reportId(), content(10.5, 0, 0)), 400, 'validation-failed');
    await w.refused(
      () => w.submit(reportId(), content(1, 0, 0, { indicators: { publicAdministrationsSupported: -2 } })),
      422,
      'indicator-type',
    );
    // The 2011 programme's catalogue is the ESF common indicators: a programme indicator is unknown there.
    const unknown = await w.refused(
      () =>
        w.submit(
          reportId(),
          content(1, 0, 1, { indicators: { publicAdministrationsSupported: 5, treesPlanted: 3 } }),
        ),
      422,
      'unknown-indicator',
    );
    expect(unknown.body.detail).toContain('„treesPlanted“');
    await w.refused(
      () => w.submit(reportId(), content(1, 0, 1, { indicators: { participants: 3 } })),
      422,
      'indicator-required',
    );
    await w.refused(
      () => w.submit(reportId(), { ...content(1, 0, 1), surprise: true }),
      400,
      'validation-failed',
    );
    await w.refused(
      () => w.submit(reportId(), content(600_000, 200_000, 200_000)),
      422,
      'financing-share-exceeded',
    );
    await w.refused(
      () => w.submit(reportId(), content(200_000, 300_000, 500_000)),
      422,
      'financing-share-exceeded',
    );
    await w.refused(
      // Within the notice's shares (50 % ESF, 24.4 % Land), but a cent above its 43,000 EUR ESF.
      () => w.submit(reportId(), content(4_300_001, 2_100_000, 2_200_002)),
      422,
      'financing-source-exhausted',
    );
    const incomplete = await w.refused(
      () => w.submit(reportId(), { expenditure: content(1, 0, 1).expenditure }),
      422,
      'esf-report-incomplete',
    );
    // Everything missing is named at once, the required indicator with it.
    expect(incomplete.body.missing).toEqual(['narrative', 'indicators.publicAdministrationsSupported']);
  });

  it("refuses ESF beyond the notice once the grant's accepted reports are counted", async () => {
    await w.submit(reportId(), content(860_000, 420_000, 440_000)).expect(201);
    await w.api.http.post(`/esf-reports/${reportId()}/acceptance`).set(w.as.office).expect(200);
    w.api.clock.set('2014-01-15T10:00:00.000Z');
    const res = await w.refused(
      () => w.submit(report(w.unnaGrant, '2013'), content(3_440_001, 1_680_000, 1_760_002)),
      422,
      'financing-source-exhausted',
    );
    expect(res.body).toMatchObject({
      source: 'esf',
      noticeCents: 4_300_000,
      acceptedCents: 860_000,
      reportCents: 3_440_001,
    });
    await w.submit(report(w.unnaGrant, '2013'), content(3_440_000, 1_680_000, 1_760_000)).expect(201);
  });

  it('refuses out-of-turn steps: resubmission before return, review of what is not submitted, change after acceptance', async () => {
    await w.refused(
      () => w.api.http.post(`/esf-reports/${reportId()}/acceptance`).set(w.as.office),
      422,
      'esf-report-not-submitted',
    );
    await w.refused(
      () => w.api.http.post(`/esf-reports/${reportId()}/return`).set(w.as.office).send({ remarks: 'x' }),
      422,
      'esf-report-not-submitted',
    );
    await w.submit(reportId(), content(860_000, 420_000, 440_000)).expect(201);
    await w.refused(
      () => w.submit(reportId(), content(860_000, 420_000, 440_000)),
      422,
      'esf-report-awaiting-review',
    );
    await w.refused(
      () => w.api.http.put(`/esf-reports/${reportId()}`).set(w.as.unna).send({ narrative: 'x' }),
      422,
      'esf-report-awaiting-review',
    );
    await w.refused(
      () => w.api.http.post(`/esf-reports/${reportId()}/return`).set(w.as.office).send({}),
      400,
      'validation-failed',
    );
    await w.refused(
      () => w.api.http.post(`/esf-reports/${reportId()}/return`).set(w.as.office).send({ remarks: '   ' }),
      400,
      'return-remarks-missing',
    );
    await w.api.http.post(`/esf-reports/${reportId()}/acceptance`).set(w.as.office).expect(200);
    await w.refused(
      () => w.api.http.post(`/esf-reports/${reportId()}/acceptance`).set(w.as.office),
      422,
      'esf-report-already-accepted',
    );
    await w.refused(
      () => w.submit(reportId(), content(860_000, 420_000, 440_000)),
      422,
      'esf-report-already-accepted',
    );
    await w.refused(
      () => w.api.http.post(`/esf-reports/${report(w.unnaGrant, '2030')}/acceptance`).set(w.as.office),
      404,
      'not-found',
    );
  });

  it('keeps reports to their municipality, finance from the evaluator, and changes from the auditor', async () => {
    await w.refused(() => w.api.http.get(`/esf-reports/${reportId()}`).set(w.as.dortmund), 404, 'not-found');
    await w.refused(
      () => w.api.http.get(`/grants/${w.unnaGrant}/esf-reports`).set(w.as.oberhausen),
      404,
      'not-found',
    );
    await w.refused(
      () => w.submit(reportId(), content(860_000, 420_000, 440_000), w.as.dortmund),
      404,
      'not-found',
    );
    await w.refused(
      () => w.submit(report(w.unnaGrant, '2016'), content(0, 0, 0), w.as.dortmund),
      404,
      'not-found',
    );
    await w.refused(
      () => w.api.http.put(`/esf-reports/${reportId()}`).set(w.as.oberhausen).send({}),
      404,
      'not-found',
    );
    await w.refused(
      () => w.api.http.get('/programmes/kkz/esf-totals').set(w.as.evaluator),
      403,
      'forbidden-role',
    );
    await w.refused(
      () => w.api.http.get('/programmes/kkz/esf-totals.csv').set(w.as.unna),
      403,
      'forbidden-role',
    );
    await w.refused(
      () => w.api.http.get(`/esf-reports/${reportId()}`).set(w.as.evaluator),
      403,
      'forbidden-role',
    );
    await w.refused(
      () => w.api.http.post(`/esf-reports/${reportId()}/acceptance`).set(w.as.auditor),
      403,
      'forbidden-role',
    );
    await w.refused(
      () => w.api.http.post(`/grants/${w.unnaGrant}/report-periods`).set(w.as.unna),
      403,
      'forbidden-role',
    );
    await w.api.http.get(`/grants/${w.unnaGrant}/esf-reports`).set(w.as.auditor).expect(200);
  });

  it('refuses periods for an unknown or fully revoked grant, and totals of an unknown programme', async () => {
    await w.refused(
      () => w.api.http.post('/grants/kkz.phase-1.05111000/report-periods').set(w.as.office),
      404,
      'not-found',
    );
    const revoked = await issueGrant(w.api, DORTMUND);
    await w.api.http
      .post(`/grants/${revoked}/revocations`)
      .set(w.as.office)
      .send({ scope: 'full', effectiveDate: '2013-01-15', refundDueDate: '2013-03-01', reason: 'Verzicht' })
      .expect(201);
    await w.refused(
      () => w.api.http.post(`/grants/${revoked}/report-periods`).set(w.as.office),
      422,
      'grant-revoked',
    );
    await w.refused(() => w.api.http.get('/programmes/nope/esf-totals').set(w.as.office), 404, 'not-found');
    await w.refused(
      () => w.api.http.get('/programmes/nope/esf-totals.xlsx').set(w.as.office),
      404,
      'not-found',
    );
    await w.refused(() => w.api.http.get('/esf-reports/a..b').set(w.as.office), 400, 'invalid-id');
  });
});
