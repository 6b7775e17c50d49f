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

/** A record as of a date (Berlin day or instant, on the recorded or business clock) or a revision. */
export const stateAsOf = (
  streamId: string,
  at: { asOf?: string; revision?: number; time?: 'recorded' | 'occurred' },
) =>
  must(
    api.GET('/audit/streams/{streamId}/state', {
      params: {
        path: { streamId },
        query: {
          ...(at.asOf ? { asOf: at.asOf } : {}),
          ...(at.revision !== undefined ? { revision: at.revision } : {}),
          ...(at.time ? { time: at.time } : {}),
        },
      },
    }),
  );

/** The latest state of a record (no "as of"). */
export const stateToday = (streamId: string) =>
  must(api.GET('/audit/streams/{streamId}/state', { params: { path: { streamId } } }));

export const streamsWithPrefix = (page: number, limit: number, q: string, prefix: string) =>
  must(
    api.GET('/audit/streams', {
      params: { query: { page, limit, ...(q ? { q } : {}), ...(prefix ? { prefix } : {}) } },
    }),
  );

/** Programmes, calls and municipalities by name, for the auditor's pages (ids only where quoted). */
export async function nameBook(): Promise<NameBook> {
  const [programmes, calls] = await Promise.all([
    must(api.GET('/programmes', { params: { query: { limit: 100 } } })),
    must(api.GET('/calls', { params: { query: { limit: 100 } } })),
  ]);
  const municipalities: Record<string, string> = {};
  for (let page = 1; page <= 10; page++) {
    const eois = await must(api.GET('/expressions-of-interest', { params: { query: { page, limit: 100 } } }));
    for (const e of eois.items) {
      for (const m of [e.applicant, ...e.members, ...e.invitations.map((i) => i.municipality)]) {
        municipalities[m.ags] = m.name;
      }
    }
    if (page * 100 >= eois.total) break;
  }
  return {
    programmes: Object.fromEntries(programmes.items.map((p) => [p.programmeId, p.title])),
    calls: Object.fromEntries(calls.items.map((c) => [c.callId, c.title])),
    municipalities,
  };
}

export interface NameBook {
  programmes: Record<string, string>;
  calls: Record<string, string>;
  municipalities: Record<string, string>;
}
