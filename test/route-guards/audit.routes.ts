import { EOI } from './foundation.routes';
import type { ContextRoutes, RouteCase } from './route-case';

const STREAM = `application-${EOI}`;

const auditorOnly = (path: string, openApiPath = path): RouteCase => ({
  method: 'get',
  path,
  openApiPath,
  allowed: ['auditor'],
});

/**
 * Audit reads everything the earlier setups wrote. Only auditors read history; the grants office
 * may also export and fetch the signing key (it hands exports on and publishes the fingerprint).
 */
export const auditRoutes: ContextRoutes = {
  context: 'audit',
  routes: [
    auditorOnly('/audit/streams'),
    auditorOnly(`/audit/streams/${STREAM}/events`, '/audit/streams/{streamId}/events'),
    auditorOnly(`/audit/streams/${STREAM}/state?revision=0`, '/audit/streams/{streamId}/state'),
    auditorOnly('/audit/read-models?asOf=2011-12-01&time=occurred', '/audit/read-models'),
    auditorOnly('/audit/municipalities/05978000/timeline', '/audit/municipalities/{ags}/timeline'),
    auditorOnly('/audit/integrity'),
    {
      method: 'get',
      path: '/audit/export?ags=05978000',
      openApiPath: '/audit/export',
      allowed: ['auditor', 'grants-office'],
    },
    {
      method: 'get',
      path: '/audit/public-key',
      openApiPath: '/audit/public-key',
      allowed: ['auditor', 'grants-office'],
    },
  ],
};
