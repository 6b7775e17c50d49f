import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SqliteEventStore } from '@app/eventsourcing';
import { bearer, startTestApi, type TestApi } from './support/test-api';

/**
 * The demo store written by main at 3af43fd (before notices stated money per source) holds
 * GrantNoticeIssued, ProofOfUseSubmitted and ProofOfUseAccepted of schema version 1: today's code
 * reads its notices by source and phase id, and its funding totals are the ESF totals it always
 * showed (2,517,357 € = 49/24/27 %).
 */
jest.setTimeout(180_000);

const FIXTURE = join(__dirname, 'fixtures', 'legacy-main-3af43fd', 'demo-2011-2018.sqlite.gz');

describe('v1 grant notices of the 2011–2018 demo, read by today’s code', () => {
  let api: TestApi;
  let raw: SqliteEventStore;
  let office: Record<string, string>;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kkz-legacy-grants-')), 'events.sqlite');
    writeFileSync(file, gunzipSync(readFileSync(FIXTURE)));
    raw = new SqliteEventStore(file);
    api = await startTestApi({ store: raw, now: '2026-12-01T09:00:00.000Z' });
    office = bearer(await api.token('grants-office'));
  });
  afterAll(() => api?.close());

  it('stored the notices as v1, with a phase number and ESF, Land and own funds', async () => {
    const [stored] = await raw.readStream('grant-kkz.phase-1.05978000');
    expect(stored.type).toBe('GrantNoticeIssued');
    expect(stored.metadata.schemaVersion ?? 1).toBe(1);
    expect(stored.data).toMatchObject({ phase: 1, financing: { esfCents: expect.any(Number) } });
  });

  it('shows a phase-I notice with its phase and its financing by source, named as the terms name them', async () => {
    const grant = (await api.http.get('/grants/kkz.phase-1.05978000').set(office).expect(200)).body;
    expect(grant).toMatchObject({ phaseId: 'phase-1', phaseName: 'Förderphase I' });
    expect(grant).not.toHaveProperty('phase');
    expect(grant.financing.map((f: { sourceId: string }) => f.sourceId)).toEqual(['esf', 'land', 'own']);
    const grantKind = grant.financing
      .filter((f: { sourceId: string }) => f.sourceId !== 'own')
      .reduce((sum: number, f: { cents: number }) => sum + f.cents, 0);
    expect(grantKind).toBe(grant.amountCents);
    const phase2 = (await api.http.get('/grants?phaseId=phase-2').set(office).expect(200)).body;
    expect(phase2.total).toBe(40);
  });

  it('gives funding totals equal to the ESF totals: 2,517,357 € with 49/24/27 %', async () => {
    const totals = (await api.http.get('/programmes/kkz/funding-totals').set(office).expect(200)).body;
    const esf = (await api.http.get('/programmes/kkz/esf-totals').set(office).expect(200)).body;
    expect(totals.totalCents).toBe(esf.totalCents);
    expect(Math.floor(totals.totalCents / 100)).toBe(2_517_357);
    expect(
      totals.bySource.map((s: { name: string; percent: number }) => [s.name, Math.round(s.percent)]),
    ).toEqual([
      ['ESF', 49],
      ['Land', 24],
      ['Eigenmittel', 27],
    ]);
  });
});
