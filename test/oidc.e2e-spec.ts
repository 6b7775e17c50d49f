import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from 'jose';
import { signDevToken } from '@app/identity';
import { bearer, DEV_SECRET, startTestApi, type TestApi } from './support/test-api';

/** Production identity: tokens of an OIDC provider, verified against its JWKS over HTTP. */
describe('OIDC bearer tokens checked against a JWKS URL', () => {
  let jwksServer: Server;
  let api: TestApi;
  let privateKey: KeyLike;
  let strangerKey: KeyLike;
  const issuer = 'https://idp.example.nrw/realms/grants';
  const audience = 'kkz-api';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwksServer = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
    const { port } = jwksServer.address() as AddressInfo;
    api = await startTestApi({
      env: {
        AUTH_MODE: 'oidc',
        OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks`,
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: audience,
        OIDC_ROLES_CLAIM: 'groups',
        OIDC_AGS_CLAIM: 'municipality_ags',
      },
    });
  });
  afterAll(async () => {
    await api.close();
    await new Promise((r) => jwksServer.close(r));
  });

  const sign = (claims: Record<string, unknown>, key: KeyLike = privateKey, aud = audience) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('user-1')
      .setIssuer(issuer)
      .setAudience(aud)
      .setExpirationTime('5m')
      .sign(key);

  it('accepts a token of the provider and maps its configured claims', async () => {
    const token = await sign({ groups: ['municipality'], municipality_ags: '05119000' });
    await api.http.get('/expressions-of-interest').set(bearer(token)).expect(200);
  });

  it('refuses a token signed by another key', async () => {
    const token = await sign({ groups: ['grants-office'] }, strangerKey);
    expect((await api.http.get('/programmes').set(bearer(token)).expect(401)).body.code).toBe(
      'invalid-token',
    );
  });

  it('refuses a token for another audience', async () => {
    const token = await sign({ groups: ['grants-office'] }, privateKey, 'another-api');
    await api.http.get('/programmes').set(bearer(token)).expect(401);
  });

  it('refuses dev tokens in OIDC mode', async () => {
    const dev = await signDevToken(DEV_SECRET, { role: 'grants-office' });
    await api.http.get('/programmes').set(bearer(dev)).expect(401);
  });
});
