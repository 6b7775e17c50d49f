import Redis from 'ioredis';
import { type Projection, ProjectionRunner } from '@app/eventsourcing';
import { checkEvictionPolicy } from '@app/shared';
import { bearer } from './support/test-api';
import { startTestApi } from './support/test-api';

describe('operations', () => {
  it('reports store and Redis up on /health', async () => {
    const api = await startTestApi();
    const res = await api.http.get('/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      store: { kind: 'memory', status: 'up' },
      redis: { status: 'up' },
      readModels: { status: 'up', state: 'following', position: 0, restarts: 0 },
    });
    await api.close();
  });

  it('sends security headers and no framework fingerprint', async () => {
    const api = await startTestApi();
    const res = await api.http.get('/health').expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'strict-transport-security': expect.stringContaining('max-age='),
      'referrer-policy': 'no-referrer',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
    await api.close();
  });

  it('answers 503 on /health when Redis is unreachable, and still serves', async () => {
    const api = await startTestApi({ env: { REDIS_URL: 'redis://127.0.0.1:6399' } });
    const res = await api.http.get('/health').expect(503);
    expect(res.body.status).toBe('degraded');
    expect(res.body.redis.status).toBe('down');
    await api.http.get('/docs-json').expect(200);
    // The process is alive (no restart would help), but not ready for traffic.
    await api.http.get('/health/live').expect(200, { status: 'ok' });
    const ready = await api.http.get('/health/ready').expect(503);
    expect(ready.body).toMatchObject({ status: 'not-ready', redis: { status: 'down' } });
    await api.close();
  });

  it('answers /health/live and /health/ready apart, without a token', async () => {
    const api = await startTestApi();
    await api.http.get('/health/live').expect(200, { status: 'ok' });
    const ready = await api.http.get('/health/ready').expect(200);
    expect(ready.body).toEqual({
      status: 'ready',
      store: { kind: 'memory', status: 'up' },
      redis: { status: 'up' },
      readModels: { status: 'up', state: 'following', position: 0, restarts: 0 },
    });
    await api.close();
  });

  it('keeps answering commands, and reports 503 on /health, when a read model fails', async () => {
    const api = await startTestApi();
    const office = bearer(await api.token('grants-office'));
    const runner = api.app.get(ProjectionRunner);
    const broken: Projection<null> = {
      name: 'broken',
      initialState: () => null,
      apply: (state, event) => {
        if (event.type === 'ProgrammeCreated') throw new Error('bug in a read model');
        return state;
      },
    };
    // A projection added behind the runner's back, to simulate a bug in one.
    (runner as unknown as { projections: Projection<unknown>[] }).projections.push(
      broken as Projection<unknown>,
    );
    (runner as unknown as { states: Map<string, unknown> }).states.set('broken', null);
    await api.http.post('/programmes').set(office).send({ programmeId: 'kkz', title: 'KKZ' }).expect(201);
    const health = await api.http.get('/health').expect(503);
    expect(health.body.readModels.status).toBe('down');
    expect(JSON.stringify(health.body)).not.toContain('bug in a read model');
    expect((await api.http.get('/health/ready').expect(503)).body.readModels.status).toBe('down');
    await api.http.get('/health/live').expect(200);
    await api.close();
  });

  it('warns when Redis may evict queued jobs (maxmemory-policy other than noeviction)', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const [, original] = (await redis.config('GET', 'maxmemory-policy')) as string[];
    try {
      await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
      expect(await checkEvictionPolicy(redis)).toMatch(/allkeys-lru.*noeviction/);
      await redis.config('SET', 'maxmemory-policy', 'noeviction');
      expect(await checkEvictionPolicy(redis)).toBeUndefined();
    } finally {
      await redis.config('SET', 'maxmemory-policy', original);
      redis.disconnect();
    }
  });

  it("carries the caller's correlation id into the response and the events", async () => {
    const api = await startTestApi();
    const office = {
      Authorization: `Bearer ${await api.token('grants-office')}`,
      'X-Correlation-Id': 'trace-42',
    };
    const res = await api.http
      .post('/programmes')
      .set(office)
      .send({ programmeId: 'kkz', title: 'KKZ' })
      .expect(201);
    expect(res.headers['x-correlation-id']).toBe('trace-42');
    const [event] = await api.store.readStream('programme-kkz');
    expect(event.metadata).toMatchObject({
      correlationId: 'trace-42',
      actor: { subject: 'grants-office:dev', role: 'grants-office' },
    });
    await api.close();
  });
});
