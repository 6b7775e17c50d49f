import { issueGrant } from '../support/esf-reporting-world';
import { KREIS_UNNA } from '../support/fixtures';
import type { ContextRoutes, RouteCase } from './route-case';

export const UNNA_GRANT = `kkz.phase-1.${KREIS_UNNA}`;
const REPORT = `${UNNA_GRANT}.2012`;

const REPORT_BODY = {
  // In the notice's proportions (43,000 ESF, 21,000 Land, 22,000 own funds).
  expenditure: { esfCents: 860_000, landCents: 420_000, ownCents: 440_000 },
  indicators: { publicAdministrationsSupported: 5 },
  narrative: 'Netzwerke gebündelt',
};

/** A report route under its neutral path: `/reports/…` for `/esf-reports/…`, `/grants/:id/reports`. */
const neutral = (route: RouteCase): RouteCase => ({
  ...route,
  path: route.path.replace(/^\/esf-reports\//, '/reports/').replace(/\/esf-reports$/, '/reports'),
  openApiPath: route.openApiPath
    .replace(/^\/esf-reports\//, '/reports/')
    .replace(/\/esf-reports$/, '/reports'),
});

/**
 * The report routes under their deprecated `/esf-reports` paths; each is also served (same handler,
 * same guards) under its neutral path, and both are checked.
 */
const REPORT_ROUTES: RouteCase[] = [
  {
    method: 'post',
    path: `/grants/${UNNA_GRANT}/report-periods`,
    openApiPath: '/grants/{grantId}/report-periods',
    allowed: ['grants-office'],
  },
  {
    method: 'get',
    path: `/grants/${UNNA_GRANT}/esf-reports`,
    openApiPath: '/grants/{grantId}/esf-reports',
    allowed: ['grants-office', 'auditor', 'municipality'],
    ownedBy: KREIS_UNNA,
  },
  {
    method: 'get',
    path: `/esf-reports/${REPORT}`,
    openApiPath: '/esf-reports/{reportId}',
    allowed: ['grants-office', 'auditor', 'municipality'],
    ownedBy: KREIS_UNNA,
  },
  {
    method: 'put',
    path: `/esf-reports/${REPORT}`,
    openApiPath: '/esf-reports/{reportId}',
    allowed: ['municipality'],
    body: REPORT_BODY,
    ownedBy: KREIS_UNNA,
  },
  {
    method: 'post',
    path: `/esf-reports/${REPORT}/submissions`,
    openApiPath: '/esf-reports/{reportId}/submissions',
    allowed: ['municipality'],
    body: REPORT_BODY,
    ownedBy: KREIS_UNNA,
  },
  {
    method: 'post',
    path: `/esf-reports/${REPORT}/acceptance`,
    openApiPath: '/esf-reports/{reportId}/acceptance',
    allowed: ['grants-office'],
  },
  {
    method: 'post',
    path: `/esf-reports/${REPORT}/return`,
    openApiPath: '/esf-reports/{reportId}/return',
    allowed: ['grants-office'],
    body: { remarks: 'Bitte Belege nachreichen' },
  },
  {
    method: 'get',
    path: '/programmes/kkz/esf-totals',
    openApiPath: '/programmes/{programmeId}/esf-totals',
    allowed: ['grants-office', 'auditor'],
  },
  {
    method: 'get',
    path: '/programmes/kkz/esf-totals.csv',
    openApiPath: '/programmes/{programmeId}/esf-totals.csv',
    allowed: ['grants-office', 'auditor'],
  },
  {
    method: 'get',
    path: '/programmes/kkz/esf-totals.xlsx',
    openApiPath: '/programmes/{programmeId}/esf-totals.xlsx',
    allowed: ['grants-office', 'auditor'],
  },
  {
    method: 'get',
    path: '/programmes/kkz/report',
    openApiPath: '/programmes/{programmeId}/report',
    allowed: ['grants-office', 'auditor', 'evaluator'],
  },
];

/** Reporting: Kreis Unna's phase-I grant has its report periods opened (2012 to 2015). */
export const esfReportingRoutes: ContextRoutes = {
  context: 'Reporting',
  async setup({ api, as }) {
    // The grants context's table may have issued this grant over HTTP already.
    if ((await api.store.readStream(`grant-${UNNA_GRANT}`)).length === 0) await issueGrant(api, KREIS_UNNA);
    await api.http
      .post(`/grants/${UNNA_GRANT}/report-periods`)
      .set(await as('grants-office'))
      .expect(200);
  },
  routes: [
    ...REPORT_ROUTES.filter((r) => r.openApiPath.includes('esf-reports')).map(neutral),
    ...REPORT_ROUTES,
  ],
};
