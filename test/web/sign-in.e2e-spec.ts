import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DORTMUND } from '../support/fixtures';
import { bearer, startTestApi, type TestApi } from '../support/test-api';

/** A stand-in for dist/web: the serving is tested apart from the bundle (the browser tests use the real one). */
function fakeWebRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kkz-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="de"><head><script type="module" src="/assets/app-1.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'app-1.js'), 'document.body.dataset.app = "1";');
  return dir;
}

describe('web sign-in and serving (AUTH_MODE=dev)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { WEB_ROOT: fakeWebRoot() } });
  });
  afterAll(() => api.close());

  it('lists the roles and the registry municipalities by name, without a token', async () => {
    const res = await api.http.get('/auth/config').expect(200);
    expect(res.body.mode).toBe('dev');
    expect(res.body.roles).toEqual(['grants-office', 'municipality', 'auditor', 'evaluator']);
    expect(res.body.municipalities).toContainEqual({
      ags: DORTMUND,
      name: 'Dortmund',
      type: 'kreisfreie-stadt',
    });
  });

  it('issues a dev token that the API accepts, naming the municipality', async () => {
    const res = await api.http
      .post('/auth/dev-token')
      .send({ role: 'municipality', ags: DORTMUND })
      .expect(200);
    expect(res.body.expiresInSeconds).toBe(8 * 3600);
    const me = await api.http.get('/auth/me').set(bearer(res.body.token)).expect(200);
    expect(me.body).toEqual({
      subject: `municipality:${DORTMUND}`,
      roles: ['municipality'],
      ags: DORTMUND,
      municipalityName: 'Dortmund',
    });
  });

  it('refuses a municipality token without a municipality of the registry, in German', async () => {
    const none = await api.http.post('/auth/dev-token').send({ role: 'municipality' }).expect(400);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.body.code).toBe('unknown-municipality');
    expect(none.body.detail).toMatch(/Kommune aus dem Verzeichnis/);
    const unknown = await api.http
      .post('/auth/dev-token')
      .send({ role: 'municipality', ags: '99999999' })
      .expect(400);
    expect(unknown.body.code).toBe('unknown-municipality');
  });

  it('refuses an unknown role, naming the field', async () => {
    const res = await api.http.post('/auth/dev-token').send({ role: 'admin' }).expect(400);
    expect(res.body.code).toBe('validation-failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'role' })]);
  });

  it('serves the workspace at / and at its pages, with the CSP that forbids inline scripts', async () => {
    for (const path of [
      '/',
      '/aufgaben',
      '/interessenbekundungen/kkz-2011.05913000',
      '/pruefung/integritaet',
    ]) {
      const res = await api.http.get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    }
    const asset = await api.http.get('/assets/app-1.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    await api.http.get('/assets/missing.js').expect(404);
  });

  it('leaves every API route to the API, whatever the browser accepts', async () => {
    const res = await api.http.get('/calls').set('Accept', 'text/html').expect(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect((await api.http.get('/kein-teil-der-oberflaeche').expect(404)).headers['content-type']).toMatch(
      /problem\+json/,
    );
    await api.http.get('/docs-json').expect(200);
  });
});

describe('web sign-in with AUTH_MODE=oidc', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      env: {
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'http://127.0.0.1:3599/realms/kkz',
        OIDC_AUDIENCE: 'kkz-api',
        OIDC_CLIENT_ID: 'kkz-web',
        OIDC_JWKS_URL: 'http://127.0.0.1:3599/realms/kkz/jwks',
      },
    });
  });
  afterAll(() => api.close());

  it('names the identity provider and the web client, and lists no municipality', async () => {
    const res = await api.http.get('/auth/config').expect(200);
    expect(res.body).toEqual({
      mode: 'oidc',
      oidc: { issuer: 'http://127.0.0.1:3599/realms/kkz', clientId: 'kkz-web', scope: 'openid' },
    });
  });

  it('has no dev sign-in: 404 problem+json, in German', async () => {
    const res = await api.http.post('/auth/dev-token').send({ role: 'grants-office' }).expect(404);
    expect(res.body.code).toBe('not-found');
    expect(res.body.detail).toMatch(/nur mit AUTH_MODE=dev/);
  });

  it("lets the web page fetch the identity provider's endpoints (connect-src), nothing else", async () => {
    const res = await api.http.get('/health/live').expect(200);
    expect(res.headers['content-security-policy']).toMatch(
      /connect-src 'self' http:\/\/127\.0\.0\.1:3599(;|$)/,
    );
  });
});
