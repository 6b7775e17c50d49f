import Redis from 'ioredis';
import { KREIS_UNNA } from './support/fixtures';
import { redisUrl, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { removeQueueKeys } from './support/waiting';

const COOKIE = 'kkz-queues';
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * The queue dashboard signs a browser in with a short-lived session kept in Redis: the cookie
 * holds a random id, never the grants office's token, and every API replica knows the session.
 */
describe('the queue dashboard session', () => {
  const prefix = uniquePrefix('dashboard');
  const env = { REDIS_URL: redisUrl(SHARED_QUEUE_DB), QUEUE_PREFIX: prefix };
  let api: TestApi;
  let replica: TestApi;
  let redis: Redis;
  let token: string;

  beforeAll(async () => {
    [api, replica] = await Promise.all([startTestApi({ env }), startTestApi({ env })]);
    redis = new Redis(redisUrl(SHARED_QUEUE_DB));
    token = await api.token('grants-office');
  });
  afterAll(async () => {
    await Promise.all([api.close(), replica.close()]);
    redis.disconnect();
    await removeQueueKeys(SHARED_QUEUE_DB, prefix);
  });

  const signIn = async (as = token) => {
    const login = await api.http.post('/admin/queues/session').type('form').send({ token: as }).expect(303);
    expect(login.headers.location).toBe('/admin/queues');
    const setCookie = (login.headers['set-cookie'] as unknown as string[])[0];
    return { setCookie, value: setCookie.split(';')[0].slice(COOKIE.length + 1) };
  };
  const sessionKeys = () => redis.keys(`${prefix}:queue-dashboard:session:*`);

  it('keeps a random session id in the cookie, not the token', async () => {
    const { setCookie, value } = await signIn();
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookie).not.toContain(token.split('.')[1]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/admin\/queues/);
    const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(30 * 60);
    // Server-side, under the id's hash only, and gone by itself within the same time.
    const keys = await sessionKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain(value);
    const ttl = await redis.ttl(keys[0]);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * 60);
    await api.http.get('/admin/queues').set('Cookie', `${COOKIE}=${value}`).expect(200);
    await api.http.get('/admin/queues/api/queues').set('Cookie', `${COOKIE}=${value}`).expect(200);
  });

  it('holds on every replica, since the session lives in Redis', async () => {
    const { value } = await signIn();
    await replica.http.get('/admin/queues/api/queues').set('Cookie', `${COOKIE}=${value}`).expect(200);
  });

  it('takes the token itself no longer as a cookie', async () => {
    const res = await api.http
      .get('/admin/queues/api/queues')
      .set('Cookie', `${COOKIE}=${token}`)
      .expect(401);
    expect(res.body.code).toBe('invalid-token');
  });

  it('sends a browser without a session to the sign-in page; a program gets 401', async () => {
    const page = await api.http.get('/admin/queues').set('Accept', BROWSER).expect(303);
    expect(page.headers.location).toBe('/admin/queues/login');
    const stale = await api.http
      .get('/admin/queues')
      .set({ Accept: BROWSER, Cookie: `${COOKIE}=${'x'.repeat(43)}` })
      .expect(303);
    expect(stale.headers.location).toBe('/admin/queues/login');
    const login = await api.http.get('/admin/queues/login').set('Accept', BROWSER).expect(200);
    expect(login.text).toMatch(/<form method="post" action="\/admin\/queues\/session">/);
    const program = await api.http.get('/admin/queues/api/queues').expect(401);
    expect(program.headers['content-type']).toMatch(/problem\+json/);
    expect(program.body.code).toBe('missing-token');
  });

  it('ends the session on sign-out, everywhere', async () => {
    const { value } = await signIn();
    const out = await api.http.post('/admin/queues/logout').set('Cookie', `${COOKIE}=${value}`).expect(303);
    expect(out.headers.location).toBe('/admin/queues/login');
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^kkz-queues=;/);
    await replica.http.get('/admin/queues/api/queues').set('Cookie', `${COOKIE}=${value}`).expect(401);
  });

  it('opens no session for anyone but the grants office', async () => {
    const before = (await sessionKeys()).length;
    const municipality = await api.token('municipality', KREIS_UNNA);
    const res = await api.http
      .post('/admin/queues/session')
      .type('form')
      .send({ token: municipality })
      .expect(403);
    expect(res.body.code).toBe('forbidden-role');
    expect(res.headers['set-cookie']).toBeUndefined();
    await api.http.post('/admin/queues/session').type('form').send({ token: 'forged' }).expect(401);
    expect(await sessionKeys()).toHaveLength(before);
  });

  it('still serves a program that sends its bearer token', async () => {
    await api.http.get('/admin/queues/api/queues').set(bearer(token)).expect(200);
  });
});
