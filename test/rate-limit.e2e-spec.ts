import { removeQueueKeys, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { bearer, startTestApi, type TestApi } from './support/test-api';

/** RATE_LIMIT_PER_MINUTE through @nestjs/throttler, its counters in Redis shared by the replicas. */
describe('rate limit across API replicas sharing Redis', () => {
  let prefix = uniquePrefix('rate-limit');
  const apis: TestApi[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const api = await startTestApi({
      env: {
        RATE_LIMIT_PER_MINUTE: '5',
        REDIS_URL: `redis://127.0.0.1:6379/${SHARED_QUEUE_DB}`,
        QUEUE_PREFIX: prefix,
        ...env,
      },
    });
    apis.push(api);
    return api;
  };
  afterEach(async () => {
    await Promise.all(apis.splice(0).map((api) => api.close()));
    // The storage keeps each counter under a Redis hash tag: `{<prefix>:rate-limit:…}:hits`.
    await removeQueueKeys(SHARED_QUEUE_DB, `{${prefix}`);
    prefix = uniquePrefix('rate-limit');
  });

  it('counts one budget for a client over two instances, with RateLimit headers, then 429 problem+json', async () => {
    // Given two API instances sharing one Redis and a limit of 5 a minute
    const [a, b] = [await start(), await start()];
    const office = bearer(await a.token('grants-office'));
    // When one client spreads its requests over both, on different routes
    const remaining: string[] = [];
    for (const [api, path] of [
      [a, '/programmes'],
      [b, '/calls'],
      [a, '/clock'],
      [b, '/programmes'],
      [a, '/calls'],
    ] as const) {
      const res = await api.http.get(path).set(office).expect(200);
      expect(res.headers['ratelimit-limit']).toBe('5');
      expect(res.headers['ratelimit-policy']).toBe('5;w=60');
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
      remaining.push(res.headers['ratelimit-remaining']);
    }
    // Then the budget is one: the sixth request, on either instance, is refused
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const limited = await b.http.get('/clock').set(office).expect(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(limited.body.detail).toMatch(/Anfragen in einer Minute/);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    await a.http.get('/clock').set(office).expect(429);
  });

  it('counts before the token is checked: junk tokens cannot buy fresh budgets', async () => {
    const api = await start();
    for (let i = 0; i < 5; i++)
      await api.http
        .get('/calls')
        .set(bearer(`junk-${i}`))
        .expect(401);
    const limited = await api.http.get('/calls').set(bearer('junk-6')).expect(429);
    expect(limited.body.code).toBe('rate-limited');
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('keeps serving, unlimited, while Redis is away', async () => {
    const api = await start({ REDIS_URL: 'redis://127.0.0.1:6399' });
    const office = bearer(await api.token('grants-office'));
    for (let i = 0; i < 7; i++) await api.http.get('/clock').set(office).expect(200);
  });
});
