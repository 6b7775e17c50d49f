import { SignJWT } from 'jose';
import { ROLES, type Role } from '@app/identity';
import { CALL_2011, DORTMUND } from './support/fixtures';
import { bearer, DEV_SECRET, startTestApi, type TestApi } from './support/test-api';
import { CONTEXT_ROUTES, PUBLIC_PATHS } from './route-guards';
import { asRole, type RouteCase } from './route-guards/route-case';

const ROUTES: RouteCase[] = CONTEXT_ROUTES.flatMap((c) => c.routes);
const PUBLIC = PUBLIC_PATHS;
const ALL_ROLES: Role[] = [...ROLES];

describe('every route is guarded by token, role and ownership', () => {
  let api: TestApi;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    api = await startTestApi({ now: '2011-11-20T09:00:00.000Z' });
    for (const role of ALL_ROLES)
      tokens[role] = await api.token(role, role === 'municipality' ? DORTMUND : undefined);
    const as = asRole(api);
    for (const context of CONTEXT_ROUTES) {
      try {
        await context.setup?.({ api, as });
      } catch (error) {
        throw new Error(`route-guard setup of ${context.context} failed: ${(error as Error).message}`);
      }
    }
  });
  afterAll(() => api.close());

  const send = (route: RouteCase, headers: Record<string, string> = {}) => {
    const req = api.http[route.method](route.path).set(headers);
    return route.body ? req.send(route.body) : req;
  };

  it('covers every route the API documents', async () => {
    const doc = (await api.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    const covered = [
      ...ROUTES.map((r) => `${r.method} ${r.openApiPath}`),
      ...PUBLIC.map((p) => (p.includes(' ') ? p : `get ${p}`)),
    ];
    expect(documented.sort()).toEqual([...new Set(covered)].sort());
  });

  describe.each(ROUTES)('$method $path', (route) => {
    it('answers 401 problem+json without a token', async () => {
      const res = await send(route).expect(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('missing-token');
    });

    it('answers 401 to a forged or expired token', async () => {
      const forged = await new SignJWT({ roles: ['grants-office'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('mallory')
        .setIssuer('kkz-dev')
        .setAudience('kkz-api')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'));
      expect((await send(route, bearer(forged)).expect(401)).body.code).toBe('invalid-token');
      const expired = await new SignJWT({ roles: ['grants-office'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('late')
        .setIssuer('kkz-dev')
        .setAudience('kkz-api')
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(new TextEncoder().encode(DEV_SECRET));
      expect((await send(route, bearer(expired)).expect(401)).body.code).toBe('invalid-token');
    });

    const refused = ALL_ROLES.filter((r) => !route.allowed.includes(r));
    if (refused.length > 0) {
      it(`answers 403 to ${refused.join(', ')}`, async () => {
        for (const role of refused) {
          const res = await send(route, bearer(tokens[role])).expect(403);
          expect(res.body.code).toBe('forbidden-role');
        }
      });
    }

    it(`lets ${route.allowed.join(', ')} past the guard`, async () => {
      for (const role of route.allowed) {
        const res = await send(route, bearer(tokens[role]));
        expect([401, 403]).not.toContain(res.status);
        expect(res.status).toBeLessThan(500);
      }
    });

    if (route.ownedBy) {
      it('answers 404 to another municipality, as if the record did not exist', async () => {
        const res = await send(route, bearer(tokens.municipality)).expect(404);
        expect(res.body.code).toBe('not-found');
      });

      it('lets the owning municipality reach the record', async () => {
        const owner = bearer(await api.token('municipality', route.ownedBy));
        const res = await send(route, owner);
        expect([401, 403, 404]).not.toContain(res.status);
        expect(res.status).toBeLessThan(500);
      });
    }
  });

  it('serves health and docs without a token', async () => {
    await api.http.get('/health').expect(200);
    await api.http.get('/health/live').expect(200);
    await api.http.get('/health/ready').expect(200);
    await api.http.get('/docs-json').expect(200);
    await api.http.get('/docs').expect(200);
  });

  it('refuses a token that never expires', async () => {
    const token = await new SignJWT({ roles: ['grants-office'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('forever')
      .setIssuer('kkz-dev')
      .setAudience('kkz-api')
      .sign(new TextEncoder().encode(DEV_SECRET));
    expect((await api.http.get('/programmes').set(bearer(token)).expect(401)).body.code).toBe(
      'invalid-token',
    );
  });

  it('does not let a municipality see drafts by naming its role twice', async () => {
    await api.http
      .post('/programmes/kkz/calls')
      .set(bearer(tokens['grants-office']))
      .send({ ...CALL_2011, callId: 'draft-only' })
      .expect(201);
    const token = await new SignJWT({ roles: ['municipality', 'municipality'], ags: DORTMUND })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('twice')
      .setIssuer('kkz-dev')
      .setAudience('kkz-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEV_SECRET));
    await api.http.get('/calls/draft-only').set(bearer(token)).expect(404);
  });

  it('refuses a municipality token that names no AGS', async () => {
    const token = await new SignJWT({ roles: ['municipality'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('nobody')
      .setIssuer('kkz-dev')
      .setAudience('kkz-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEV_SECRET));
    const res = await api.http.get('/calls').set(bearer(token)).expect(401);
    expect(res.body.detail).toMatch(/AGS/);
  });
});
