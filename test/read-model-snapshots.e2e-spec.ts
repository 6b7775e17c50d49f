import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LoadedSnapshot,
  ProjectionRunner,
  ReadModelSnapshots,
  rebuild,
  SqliteEventStore,
  UpcasterRegistry,
  UpcastingEventStore,
} from '@app/eventsourcing';
import { programmeLifecycle } from '../bench/support/lifecycle-events';
import { startTestApi, type TestApi } from './support/test-api';

const REDIS_URL = 'redis://127.0.0.1:6379/15';

/**
 * The API's own read models (every context's), persisted: on a real SQLite file with a programme's
 * whole lifecycle (about 6,000 events of every kind the contexts follow), a restart that loads the
 * snapshot and catches up builds exactly what a rebuild from scratch builds, and what an API that
 * followed the same events live holds.
 */
describe('persisted read models of the API (READ_MODEL_SNAPSHOTS=true)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-model-snapshots-e2e-'));
  const file = join(dir, 'events.sqlite');
  const apis: TestApi[] = [];
  const start = async (snapshots: boolean) => {
    const api = await startTestApi({
      store: new SqliteEventStore(file),
      env: {
        DATA_DIR: dir,
        REDIS_URL,
        READ_MODEL_SNAPSHOTS: String(snapshots),
        MUNICIPALITY_REGISTRY_FILE: 'reference-data/nrw-municipalities.csv',
      },
    });
    apis.push(api);
    return api;
  };
  const write = async (programme: number) => {
    const store = new SqliteEventStore(file);
    for (const append of programmeLifecycle(programme)) {
      await store.appendToStream(append.streamId, append.events, 'any');
    }
    const head = await store.headPosition();
    await store.close();
    return head;
  };

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a restart from the snapshot equals a rebuild from scratch and the live read models', async () => {
    const firstHead = await write(0);
    const live = await start(true);
    const liveRunner = live.app.get(ProjectionRunner);
    expect(liveRunner.position).toBe(firstHead);
    await liveRunner.snapshot();
    expect(readdirSync(dir).filter((f) => f.endsWith('.snapshot'))).toHaveLength(1);

    // More history while the first API follows it live.
    const head = await write(1);
    expect(await liveRunner.waitFor(head, 20_000)).toBe(true);

    const load = jest.spyOn(ReadModelSnapshots.prototype, 'load');
    const restarted = await start(true);
    const loaded = (await load.mock.results[0].value) as LoadedSnapshot | undefined;
    load.mockRestore();
    expect(loaded?.position).toBe(firstHead);
    const fromScratch = await start(false);

    const runners = [liveRunner, restarted.app.get(ProjectionRunner), fromScratch.app.get(ProjectionRunner)];
    for (const runner of runners) expect(runner.position).toBe(head);
    const projections = runners[0].registered();
    expect(projections.length).toBeGreaterThan(10);
    const upcasters = restarted.app.get(UpcasterRegistry);
    const raw = new SqliteEventStore(file, { readOnly: true });
    const events = await new UpcastingEventStore(raw, upcasters).readAll();
    await raw.close();
    expect(events).toHaveLength(head);
    for (const projection of projections) {
      const rebuilt = rebuild(projection, events);
      for (const runner of runners)
        expect([projection.name, runner.state(projection)]).toEqual([projection.name, rebuilt]);
    }

    // And what the API answers from them is the same.
    const token = await restarted.token('grants-office');
    const answers = await Promise.all(
      [restarted, fromScratch, live].map((api) =>
        api.http.get('/grants?limit=500').set('Authorization', `Bearer ${token}`),
      ),
    );
    expect(answers[0].status).toBe(200);
    expect((answers[0].body as { total: number }).total).toBeGreaterThan(0);
    expect(answers[1].body).toEqual(answers[0].body);
    expect(answers[2].body).toEqual(answers[0].body);
  }, 180_000);
});
