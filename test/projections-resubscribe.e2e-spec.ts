import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/eventsourcing';
import { FlakyStore } from './support/store-faults';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { eventually } from './support/waiting';

/**
 * A server restart or a network blip ends the read models' subscription. The API used to stop
 * following for good (stale queries, /health 503 until a restart); it subscribes again from
 * where it stopped, and /health says what is going on meanwhile.
 */
describe('read models after their subscription to the store drops', () => {
  const dir = mkdtempSync(join(tmpdir(), 'resubscribe-'));
  let api: TestApi;
  let store: FlakyStore;
  let office: Record<string, string>;

  beforeAll(async () => {
    store = new FlakyStore(new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 }));
    // A command answers after this long even while its events have not reached the read models.
    api = await startTestApi({ store, env: { PROJECTION_WAIT_MS: '100' } });
    office = bearer(await api.token('grants-office'));
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const programmeIds = async () =>
    (
      (await api.http.get('/programmes').set(office).expect(200)).body as { items: { programmeId: string }[] }
    ).items.map((p) => p.programmeId);

  it('reports reconnecting on /health while the store is away, then follows again and shows what was missed', async () => {
    await api.http.post('/programmes').set(office).send({ programmeId: 'kkz', title: 'KKZ' }).expect(201);
    expect((await api.http.get('/health').expect(200)).body.readModels).toMatchObject({
      status: 'up',
      state: 'following',
      restarts: 0,
    });

    store.down = true;
    await api.http.post('/programmes').set(office).send({ programmeId: 'kkz2', title: 'KKZ 2' }).expect(201);
    const health = await eventually(
      async () => {
        const res = await api.http.get('/health');
        return res.status === 503 && res.body.readModels.state === 'reconnecting' && res.body;
      },
      10_000,
      '/health to report the read models reconnecting',
    );
    expect(health.readModels).toMatchObject({ status: 'down' });
    expect(health.readModels.restarts).toBeGreaterThanOrEqual(1);

    store.down = false;
    await eventually(async () => (await programmeIds()).includes('kkz2'), 15_000, 'the missed programme');
    const after = await api.http.get('/health').expect(200);
    expect(after.body.readModels).toMatchObject({ status: 'up', state: 'following' });
    expect(await programmeIds()).toEqual(['kkz', 'kkz2']);
  });
});
