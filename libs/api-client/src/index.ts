import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';

export type { components, operations, paths } from './schema';

/**
 * A typed client of this API (openapi-fetch over the types openapi-typescript generates from the
 * document at /docs-json, libs/api-client/src/schema.ts): a path, its parameters, its body and
 * its answer type-check against the contract, so a changed route or DTO breaks the callers' build.
 */
export type ApiClient = Client<paths>;

export function createApiClient(baseUrl: string, token?: string): ApiClient {
  return createClient<paths>({
    baseUrl,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}
