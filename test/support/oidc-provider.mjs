// A real, certified OpenID provider (the `oidc-provider` package) on loopback, for the web
// workspace's sign-in tests. Started as a child process with node (the package is ESM-only):
//
//   1. it listens on 127.0.0.1 (port from argv[2], 0 = any) and prints {"issuer": "http://127.0.0.1:…"};
//   2. it reads one line on stdin: {"redirectUris": [...], "audience": "...", "clientId": "..."},
//      the workspace's callback being known only once the API listens;
//   3. it builds the provider and prints {"ready": true}; then one line per provider event
//      ({"event": "grant.success"}, …) so that the test sees what happened at the provider.
//
// Sign-in uses the provider's own development login and consent pages (devInteractions): any
// password, the login names one of the ACCOUNTS below. The access token is a JWT (RFC 9068) for
// the API's audience, signed with an RS256 key of this run and carrying the claims the API maps
// to a role and a municipality (`roles`, `ags`).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { URL } from 'node:url';
import Provider from 'oidc-provider';

/** Login name → claims. `ttl` shortens the access token's life (seconds), for the expiry journey. */
const ACCOUNTS = {
  sachbearbeiterin: { roles: ['grants-office'] },
  'kommune-dortmund': { roles: ['municipality'], ags: '05913000' },
  pruefer: { roles: ['auditor'] },
  'kurz-angemeldet': { roles: ['grants-office'], ttl: 4 },
  'ohne-rolle': { roles: ['gast'] },
};

const RESOURCE = 'urn:kkz:api';
const print = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

let handler = (_req, res) => {
  res.writeHead(503, { 'content-type': 'text/plain' });
  res.end('not configured yet');
};
const server = createServer((req, res) => handler(req, res));
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  print({ issuer: `http://127.0.0.1:${server.address().port}` });
});

const lines = createInterface({ input: process.stdin });
lines.once('line', (line) => {
  const { redirectUris, audience, clientId } = JSON.parse(line);
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'kkz-test-1', alg: 'RS256', use: 'sig' };
  const allowedOrigins = new Set(redirectUris.map((uri) => new URL(uri).origin));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: redirectUris,
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, origin) => allowedOrigins.has(origin),
    async findAccount(_ctx, sub) {
      const account = ACCOUNTS[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub }) };
    },
    async extraTokenClaims(_ctx, token) {
      const account = ACCOUNTS[token.accountId];
      if (!account) return undefined;
      return { roles: account.roles, ...(account.ags ? { ags: account.ags } : {}) };
    },
    ttl: {
      AccessToken: (_ctx, token) => ACCOUNTS[token.accountId]?.ttl ?? 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // The workspace asks for `openid` only: its code is for the API, whose token is a JWT.
        defaultResource: async () => RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          if (resource !== RESOURCE) throw new Error(`unknown resource ${resource}`);
          return { scope: 'api', audience, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
  });
  for (const event of [
    'authorization.success',
    'authorization.error',
    'grant.success',
    'grant.error',
    'server_error',
  ]) {
    provider.on(event, (_ctx, error) =>
      print({ event, ...(error instanceof Error ? { error: `${error.name}: ${error.message}` } : {}) }),
    );
  }
  handler = provider.callback();
  print({ ready: true });
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
