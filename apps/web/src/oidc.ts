/**
 * Sign-in with OpenID Connect: authorization code with PKCE (RFC 7636), no client secret. The
 * verifier and state stay in this tab's sessionStorage until the identity provider sends the
 * person back to /anmeldung/rueckruf with the code, which is exchanged for the tokens.
 */
interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

const PENDING = 'kkz.oidc.pending';

const redirectUri = () => `${window.location.origin}/anmeldung/rueckruf`;

function base64Url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error('Der Anmeldedienst ist nicht erreichbar.');
  return (await response.json()) as Discovery;
}

export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** Leaves for the identity provider's sign-in page. */
export async function startOidcSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  const discovery = await discover(settings.issuer);
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo, settings }));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    scope: settings.scope,
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** Back from the identity provider: the access token and where the person wanted to go. */
export async function finishOidcSignIn(search: string): Promise<{ token: string; returnTo: string }> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
    settings: OidcSettings;
  } | null;
  sessionStorage.removeItem(PENDING);
  if (params.get('error'))
    throw new Error(`Der Anmeldedienst hat die Anmeldung abgelehnt (${params.get('error')}).`);
  if (!pending || params.get('state') !== pending.state || !params.get('code')) {
    throw new Error('Die Anmeldung ist unvollständig oder veraltet. Bitte erneut anmelden.');
  }
  const discovery = await discover(pending.settings.issuer);
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: pending.settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error('Der Anmeldedienst hat keinen Zugang ausgestellt.');
  const tokens = (await response.json()) as { access_token?: string };
  if (!tokens.access_token) throw new Error('Der Anmeldedienst hat keinen Zugang ausgestellt.');
  return { token: tokens.access_token, returnTo: pending.returnTo || '/' };
}
