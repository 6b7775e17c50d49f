import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  readAllPages,
  type RecordedEvent,
  SqliteEventStore,
  UpcasterRegistry,
  UpcastingEventStore,
} from '@app/eventsourcing';
import { runTs } from './support/run-ts';
import { bearer, startTestApi, type TestApi } from './support/test-api';

/**
 * History is a contract: stores written by the code of main at 3af43fd (before programme terms
 * became data) must still read. The fixtures are real SQLite files: the demo 2011–2018 and the
 * smallest stores of that commit's e2e tests that together hold every event type it wrote
 * (test/fixtures/legacy-main-3af43fd/README.md says how they were made).
 */
const FIXTURE_SETS = ['legacy-main-3af43fd', 'legacy-main-4b5c302'];
/** `<set>/<file>` of every store, oldest set first. */
const STORES = FIXTURE_SETS.flatMap((set) =>
  readdirSync(join(__dirname, 'fixtures', set))
    .filter((f) => f.endsWith('.sqlite.gz'))
    .map((f) => `${set}/${f}`),
);

function unpack(name: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kkz-legacy-'));
  const file = join(dir, 'events.sqlite');
  writeFileSync(file, gunzipSync(readFileSync(join(__dirname, 'fixtures', name))));
  return { dir, file };
}

async function allEvents(store: { readAll: SqliteEventStore['readAll'] }): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const page of readAllPages(store)) events.push(...page);
  return events;
}

jest.setTimeout(180_000);

describe('stores written by earlier mains (3af43fd, 4b5c302)', () => {
  it('hold every event type that code wrote, and the demo of each', () => {
    for (const set of FIXTURE_SETS) expect(STORES).toContain(`${set}/demo-2011-2018.sqlite.gz`);
    expect(STORES.length).toBeGreaterThanOrEqual(11);
  });

  describe.each(STORES)('%s', (name) => {
    let api: TestApi;
    let stored: RecordedEvent[];
    let dir: string;

    beforeAll(async () => {
      const unpacked = unpack(name);
      dir = unpacked.dir;
      const raw = new SqliteEventStore(unpacked.file);
      stored = await allEvents(raw);
      api = await startTestApi({ store: raw, now: '2026-12-01T09:00:00.000Z' });
    });
    afterAll(() => api?.close());

    it('reads every event in the shape today’s code writes', async () => {
      const upcasting = api.app.get(UpcasterRegistry);
      const read = await allEvents(new UpcastingEventStore(api.store, upcasting));
      expect(read).toHaveLength(stored.length);
      for (const event of read) {
        expect({ type: event.type, schemaVersion: event.metadata.schemaVersion ?? 1 }).toEqual({
          type: event.type,
          schemaVersion: upcasting.currentVersion(event.type),
        });
      }
    });

    it('builds every read model without a failure', async () => {
      const health = await api.http.get('/health');
      expect(health.body).toEqual(expect.objectContaining({ status: 'ok' }));
    });

    it('verifies its chains and rebuilds every read model equal to the live one', async () => {
      const env = {
        NODE_ENV: 'development',
        LOG_LEVEL: 'silent',
        DATA_DIR: dir,
        EVENT_STORE_URL: `sqlite:${join(dir, 'events.sqlite')}`,
        AUTH_DEV_SECRET: 'legacy-secret-legacy-secret-legacy-secret-0123',
      };
      // The key that signed the demo's checkpoint; the test stores hold no checkpoint.
      const publicKey = join(__dirname, 'fixtures', name.split('/')[0], 'demo-audit-public-key.pem');
      const verify = await runTs('libs/audit/src/cli/verify.ts', ['--public-key', publicKey], env);
      expect(verify.stdout).toMatch(/OK: every chain is intact/);
      expect(verify.code).toBe(0);
      const replay = await runTs('libs/audit/src/cli/replay.ts', [], env);
      expect(replay.stdout + replay.stderr).not.toMatch(/differ/i);
      expect(replay.code).toBe(0);
    });
  });

  describe.each(FIXTURE_SETS)('the demo’s figures, read from the store %s wrote by today’s code', (set) => {
    let api: TestApi;
    beforeAll(async () => {
      const { file } = unpack(`${set}/demo-2011-2018.sqlite.gz`);
      api = await startTestApi({ store: new SqliteEventStore(file), now: '2026-12-01T09:00:00.000Z' });
    });
    afterAll(() => api?.close());

    it('shows the 58 grant notices of phases I and II', async () => {
      const office = bearer(await api.token('grants-office'));
      const res = await api.http.get('/grants').set(office).expect(200);
      const grants = Array.isArray(res.body) ? res.body : res.body.items;
      const total = Array.isArray(res.body) ? grants.length : res.body.total;
      expect(total).toBe(58);
    });

    it('reads its survey, which named phases by number, by the phase ids and names of the 2011 terms', async () => {
      const [stored] = (await allEvents(api.store)).filter((e) => e.type === 'SurveyCreated');
      const storedBytes = JSON.stringify(stored.data);
      expect(storedBytes).toContain('"phases":[1]');
      const read = (await allEvents(new UpcastingEventStore(api.store, api.app.get(UpcasterRegistry)))).find(
        (e) => e.metadata.eventId === stored.metadata.eventId,
      );
      expect(read?.metadata).toMatchObject({ schemaVersion: 3, hash: stored.metadata.hash });
      const data = read?.data as {
        questions: { questionId: string; phaseIds?: string[] }[];
        recipientProfiles: { phaseId?: string }[];
      };
      expect(data.questions.map((q) => [q.questionId, q.phaseIds])).toEqual([
        ['networks', ['phase-1']],
        ['coordination', undefined],
        ['remarks', undefined],
      ]);
      expect(new Set(data.recipientProfiles.map((r) => r.phaseId))).toEqual(new Set(['phase-1', 'phase-2']));
      // The stored event is as that main wrote it.
      expect(JSON.stringify(stored.data)).toBe(storedBytes);
      expect(JSON.stringify(stored.data)).not.toContain('phaseId');

      const evaluator = bearer(await api.token('evaluator'));
      const results = (await api.http.get('/surveys/online-survey-2017/results').set(evaluator).expect(200))
        .body;
      const networks = results.questions.find((q: { questionId: string }) => q.questionId === 'networks');
      expect(
        networks.byPhase.map((p: { phaseId: string; name: string; asked: number }) => [
          p.phaseId,
          p.name,
          p.asked,
        ]),
      ).toEqual([
        ['phase-1', 'Förderphase I', 18],
        ['phase-2', 'Förderphase II', 0],
      ]);
      // The demo's figure: 82 % of the phase-I municipalities largely or fully achieved their network goals.
      const share = await api.http
        .get(
          '/surveys/online-survey-2017/results/share?question=networks&steps=largely,fully&phaseId=phase-1',
        )
        .set(evaluator)
        .expect(200);
      expect(share.body).toMatchObject({
        phaseName: 'Förderphase I',
        numerator: 14,
        denominator: 17,
        percent: 82,
      });
    });

    it('reads its EsfReport* events as the neutral Report* events, the stored ones untouched', async () => {
      const stored = (await allEvents(api.store)).filter((e) => e.type.startsWith('EsfReport'));
      expect(new Set(stored.map((e) => e.type))).toEqual(
        new Set(['EsfReportPeriodOpened', 'EsfReportSubmitted', 'EsfReportReturned', 'EsfReportAccepted']),
      );
      const read = new Map(
        (await allEvents(new UpcastingEventStore(api.store, api.app.get(UpcasterRegistry)))).map((e) => [
          e.metadata.eventId,
          e,
        ]),
      );
      for (const event of stored) {
        const today = read.get(event.metadata.eventId);
        expect([today?.type, today?.metadata.hash]).toEqual([
          event.type.replace(/^EsfReport/, 'Report'),
          event.metadata.hash,
        ]);
        if (event.type === 'EsfReportPeriodOpened') {
          expect(event.data).not.toHaveProperty('indicators');
          expect(
            (today?.data as { indicators: { catalogue: string }[] }).indicators.map((i) => i.catalogue),
          ).toEqual(['esf-common-indicators', 'esf-common-indicators']);
        }
      }
      // Money stated as ESF, Land and own funds (schema version 1) reads per source (v2): `esf`,
      // `land`, `own` with the stored cents; a ledger booking's ceilings as `esf` and `land`.
      const asSources = (v1: Record<string, number>, ids = ['esf', 'land', 'own']) =>
        ids.map((sourceId) => ({ sourceId, cents: v1[`${sourceId}Cents`] }));
      let withMoney = 0;
      for (const event of await allEvents(api.store)) {
        const data = event.data as { expenditure?: unknown; ceilings?: Record<string, number> };
        if (!/Report(DraftSaved|Submitted|Accepted)$|^EsfAcceptanceBooked$/.test(event.type)) continue;
        if (data.expenditure === undefined || Array.isArray(data.expenditure)) continue;
        withMoney += 1;
        const today = read.get(event.metadata.eventId);
        expect(today?.metadata.schemaVersion).toBe(2);
        expect((today?.data as { expenditure: unknown }).expenditure).toEqual(
          asSources(data.expenditure as Record<string, number>),
        );
        if (data.ceilings)
          expect((today?.data as { ceilings: unknown }).ceilings).toEqual(
            asSources(data.ceilings, ['esf', 'land']),
          );
      }
      expect(withMoney).toBeGreaterThan(0);

      // Served under the neutral route and the deprecated one alike.
      const office = bearer(await api.token('grants-office'));
      const neutral = await api.http.get('/grants/kkz.phase-1.05978000/reports').set(office).expect(200);
      const old = await api.http.get('/grants/kkz.phase-1.05978000/esf-reports').set(office).expect(200);
      expect(neutral.body).toEqual(old.body);
      const items = Array.isArray(neutral.body) ? neutral.body : neutral.body.items;
      expect(items.map((r: { periodId: string }) => r.periodId)).toEqual(['2012', '2013', '2014', '2015']);
    });
  });
});
