import { auditRoutes } from './audit.routes';
import { councilResolutionsRoutes } from './council-resolutions.routes';
import { deadlinesRoutes } from './deadlines.routes';
import { esfReportingRoutes } from './esf-reporting.routes';
import { evaluationRoutes } from './evaluation.routes';
import { foundationRoutes } from './foundation.routes';
import { grantsRoutes } from './grants.routes';
import { jointApplicationsRoutes } from './joint-applications.routes';
import { notificationsRoutes } from './notifications.routes';
import type { ContextRoutes } from './route-case';
import { selectionRoutes } from './selection.routes';

/**
 * Every context's guarded routes, in the lifecycle's order: each setup may build on the records
 * the earlier ones created. A new context adds its table here.
 */
export const CONTEXT_ROUTES: ContextRoutes[] = [
  foundationRoutes,
  jointApplicationsRoutes,
  councilResolutionsRoutes,
  selectionRoutes,
  grantsRoutes,
  esfReportingRoutes,
  evaluationRoutes,
  deadlinesRoutes,
  notificationsRoutes,
  auditRoutes,
];

/**
 * Routes that need no token: the health probes, how to sign in, and those a context names (the
 * calendar feed). A GET route by its path; another method as "post /path". The dev sign-in
 * (POST /auth/dev-token) is public only with AUTH_MODE=dev: with OIDC it answers 404
 * (test/web/sign-in.e2e-spec.ts).
 */
export const PUBLIC_PATHS: string[] = [
  '/health',
  '/health/live',
  '/health/ready',
  '/auth/config',
  'post /auth/dev-token',
  ...CONTEXT_ROUTES.flatMap((c) => c.publicPaths ?? []),
];
