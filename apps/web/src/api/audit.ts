import { api, fetchText, must, type Schemas } from './client';

export type History = Schemas['StreamHistory'];
export type Integrity = Schemas['IntegrityReport'];

export const streams = (page: number, limit: number, q: string) =>
  must(api.GET('/audit/streams', { params: { query: { page, limit, ...(q ? { q } : {}) } } }));

export const history = (streamId: string) =>
  must(api.GET('/audit/streams/{streamId}/events', { params: { path: { streamId } } }));

export const integrity = () => must(api.GET('/audit/integrity'));

export const publicKey = () => must(api.GET('/audit/public-key'));

/** The signed export (NDJSON) as text, for a download the browser saves. */
export const exportFile = (query: { programmeId?: string; ags?: string }) => {
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
  return fetchText(`/audit/export${search.size ? `?${search}` : ''}`);
};
