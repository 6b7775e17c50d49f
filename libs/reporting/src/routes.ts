/**
 * The report routes before report content became data: `/esf-reports/…` and
 * `/grants/:grantId/esf-reports`. They still answer (same handlers, same guards) and are marked
 * deprecated in the OpenAPI document; `/reports/…` and `/grants/:grantId/reports` replace them.
 */
const DEPRECATED_REPORT_PATH = /^\/(esf-reports\/|grants\/\{grantId\}\/esf-reports$)/;

export const isDeprecatedReportPath = (openApiPath: string): boolean =>
  DEPRECATED_REPORT_PATH.test(openApiPath);
