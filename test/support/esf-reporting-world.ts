import type { Response } from 'supertest';
import { type EventStore, ProjectionRunner } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { DORTMUND, KREIS_UNNA, OBERHAUSEN, PROGRAMME } from './fixtures';
import { bearer, startTestApi, type TestApi } from './test-api';

/**
 * A phase-I grant over HTTP (`POST /grants`): 64,000 EUR for 2012-03 to 2015-06, made of 43,000
 * ESF + 21,000 Land, with 22,000 EUR own funds on top (of the 86,000 EUR eligible total: ESF
 * 50 %, Land 24.4 %, own funds 25.6 %). The selection it rests on is appended by the selection
 * context's `SubmissionSelected` contract (docs/events.md), as the grants tests do: deciding it
 * over HTTP would take a whole call, submission and formal check.
 */
export async function issueGrant(
  api: TestApi,
  ags: string,
  rules: { version: number; effectiveFrom: string | null } = { version: 0, effectiveFrom: null },
  period = { from: '2012-03-01', to: '2015-06-30' },
): Promise<string> {
  const applicationId = `kkz-2011.${ags}`;
  const { position } = await api.store.appendToStream(
    `selection-${applicationId}`,
    [
      newEvent('SubmissionSelected', {
        applicationId,
        callId: 'kkz-2011',
        programmeId: 'kkz',
        ags,
        members: [],
        amountCents: 6_400_000,
        population: 300_000,
        reasons: ['ESF reporting test'],
        rules,
      }),
    ],
    'no_stream',
  );
  await api.app.get(ProjectionRunner).waitFor(position);
  const res = await api.http
    .post('/grants')
    .set(bearer(await api.token('grants-office')))
    .send({
      phase: 1,
      ags,
      applicationId,
      period,
      financing: { esfCents: 4_300_000, landCents: 2_100_000, ownCents: 2_200_000 },
      conditions: [],
      coordinator: { name: 'Koordinierungsstelle' },
    });
  if (res.status !== 201) throw new Error(`issuing the grant for ${ags} failed: ${res.status} ${res.text}`);
  return res.body.id as string;
}

export const reportContent = (esfCents: number, landCents: number, ownCents: number, extra: object = {}) => ({
  expenditure: { esfCents, landCents, ownCents },
  indicators: { publicAdministrationsSupported: 5, participants: 120 },
  narrative: 'Netzwerke gebündelt; Koordinierungsstelle besetzt.',
  ...extra,
});

export type EsfWorld = Awaited<ReturnType<typeof startEsfWorld>>;

/**
 * The programme `kkz` with phase-I grants for Kreis Unna and Oberhausen, and a header per role;
 * on the in-memory store unless another is given.
 */
export async function startEsfWorld(options: { store?: EventStore; env?: Record<string, string> } = {}) {
  const api = await startTestApi({ now: '2012-02-20T10:00:00.000Z', ...options });
  const as = {
    office: bearer(await api.token('grants-office')),
    auditor: bearer(await api.token('auditor')),
    evaluator: bearer(await api.token('evaluator')),
    unna: bearer(await api.token('municipality', KREIS_UNNA)),
    oberhausen: bearer(await api.token('municipality', OBERHAUSEN)),
    dortmund: bearer(await api.token('municipality', DORTMUND)),
  };
  await api.http.post('/programmes').set(as.office).send(PROGRAMME).expect(201);
  const unnaGrant = await issueGrant(api, KREIS_UNNA);
  const oberhausenGrant = await issueGrant(api, OBERHAUSEN);
  return {
    api,
    as,
    unnaGrant,
    oberhausenGrant,
    openPeriods: (grantId: string) =>
      api.http.post(`/grants/${grantId}/report-periods`).set(as.office).expect(200),
    submit: (reportId: string, body: object, who: Record<string, string> = as.unna) =>
      api.http.post(`/esf-reports/${reportId}/submissions`).set(who).send(body),
    /** A refusal: its status and code as problem+json, and nothing written. */
    async refused(request: () => Promise<Response>, status: number, code: string): Promise<Response> {
      const before = await api.store.headPosition();
      const res = await request();
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await api.store.headPosition()).toBe(before);
      return res;
    },
  };
}
