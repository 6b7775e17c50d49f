import type { Role } from '@app/identity';
import { bearer, type TestApi } from '../support/test-api';

export type Method = 'get' | 'post' | 'put' | 'delete';

export interface RouteCase {
  method: Method;
  path: string;
  /** The OpenAPI path, to prove every documented route is in a table. */
  openApiPath: string;
  allowed: Role[];
  body?: object;
  /** For routes on a municipality's own record: another municipality (Dortmund) must get 404. */
  ownedBy?: string;
}

/** What a context's setup may use: the running API and a bearer header per role. */
export interface GuardSetup {
  api: TestApi;
  /** Authorization header for a role; municipalities need an AGS. */
  as(role: Role, ags?: string): Promise<Record<string, string>>;
}

/**
 * One bounded context's routes. Setups run in the order of `test/route-guards/index.ts` (the
 * lifecycle's order), so a later context can build on the records an earlier one created.
 */
export interface ContextRoutes {
  context: string;
  setup?(setup: GuardSetup): Promise<void>;
  routes: RouteCase[];
  /** OpenAPI paths served without a bearer token (each must prove its own guard, e.g. a secret). */
  publicPaths?: string[];
}

export const asRole =
  (api: TestApi) =>
  async (role: Role, ags?: string): Promise<Record<string, string>> =>
    bearer(await api.token(role, ags));
