import { foundationRoutes } from './foundation.routes';
import type { ContextRoutes } from './route-case';

/**
 * Every context's guarded routes, in the lifecycle's order: each setup may build on the records
 * the earlier ones created. A new context adds its table here.
 */
export const CONTEXT_ROUTES: ContextRoutes[] = [foundationRoutes];
