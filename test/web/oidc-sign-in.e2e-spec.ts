import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from 'jose';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchChromium, openTab, startWeb, type WebWorld } from './harness';

jest.setTimeout(180_000);
const missing = chromiumMissing();
if (missing) console.warn(`web workspace, OIDC sign-in: ${missing}`);
const describeInChromium = missing ? describe.skip : describe;

const base64Url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * An identity provider on another port of this machine: discovery, an authorization endpoint that
 * signs the person in at once, a token endpoint that insists on the PKCE verifier, and its JWKS.
 */
async function fakeIdentityProvider() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'web-1', alg: 'RS256', use: 'sig' };
  const codes = new Map<
    string,
    { challenge: string; method: string; redirectUri: string; clientId: string }
  >();
  const seen = { authorizations: 0, tokens: 0, refusedVerifiers: 0 };
  let issuer = '';
  const body = (req: IncomingMessage) =>
    new Promise<URLSearchParams>((resolve) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => resolve(new URLSearchParams(text)));
    });
  const token = (key: KeyLike) =>
    new SignJWT({ roles: ['grants-office'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'web-1' })
      .setSubject('sachbearbeiterin-1')
      .setIssuer(issuer)
      .setAudience('kkz-api')
      .setExpirationTime('10m')
      .sign(key);
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    res.setHeader('Access-Control-Allow-Origin', '*');
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      seen.authorizations++;
      const p = url.searchParams;
      const code = randomUUID();
      codes.set(code, {
        challenge: p.get('code_challenge') ?? '',
        method: p.get('code_challenge_method') ?? '',
        redirectUri: p.get('redirect_uri') ?? '',
        clientId: p.get('client_id') ?? '',
      });
      const back = new URL(p.get('redirect_uri') ?? '');
      back.search = new URLSearchParams({ code, state: p.get('state') ?? '' }).toString();
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      seen.tokens++;
      const form = await body(req);
      const pending = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const expected = base64Url(createHash('sha256').update(verifier).digest());
      if (
        !pending ||
        pending.method !== 'S256' ||
        pending.challenge !== expected ||
        pending.redirectUri !== form.get('redirect_uri') ||
        pending.clientId !== form.get('client_id') ||
        form.get('grant_type') !== 'authorization_code'
      ) {
        seen.refusedVerifiers++;
        return json(400, { error: 'invalid_grant' });
      }
      return json(200, { access_token: await token(privateKey), token_type: 'Bearer', expires_in: 600 });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

describeInChromium('web workspace: sign-in with OpenID Connect (authorization code with PKCE)', () => {
  let idp: Awaited<ReturnType<typeof fakeIdentityProvider>>;
  let world: WebWorld;
  let browser: Browser;

  beforeAll(async () => {
    idp = await fakeIdentityProvider();
    world = await startWeb({
      now: '2011-11-09T09:00:00.000Z',
      env: {
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: idp.issuer,
        OIDC_JWKS_URL: `${idp.issuer}/jwks`,
        OIDC_AUDIENCE: 'kkz-api',
        OIDC_CLIENT_ID: 'kkz-web',
      },
    });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
    await idp?.close();
  });

  it('goes to the identity provider and back to the bookmarked page, signed in with its token', async () => {
    const tab = await openTab(browser, world, [idp.issuer]);
    const { page } = tab;
    await page.goto(`${world.url}/aufgaben`);
    await page.getByRole('button', { name: 'Mit dem Anmeldedienst anmelden' }).click();
    await page.getByRole('heading', { name: 'Aufgaben' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/aufgaben');
    await page.getByText('Bewilligungsstelle', { exact: true }).waitFor();
    expect(idp.seen).toEqual({ authorizations: 1, tokens: 1, refusedVerifiers: 0 });
    // No dev sign-in offered under OIDC.
    expect(await page.getByLabel('Bewilligungsstelle').count()).toBe(0);
    expect(tab.errors).toEqual([]);
    expect(tab.external).toEqual([]);
    await tab.context.close();
  });
});
