import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import { projectRoot } from '@app/shared';
import { chromiumMissing, launchChromium, openTab, startWeb, type Tab, type WebWorld } from './harness';

jest.setTimeout(180_000);
const missing = chromiumMissing();
if (missing) console.warn(`web workspace, OIDC sign-in: ${missing}`);
const describeInChromium = missing ? describe.skip : describe;

const AUDIENCE = 'kkz-api';
const CLIENT_ID = 'kkz-web';

/**
 * The certified `oidc-provider` in a child process (test/support/oidc-provider.mjs): its issuer
 * first, then, once the workspace's callback is known, the client; the provider's events after.
 */
async function startIdentityProvider() {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [join(projectRoot(), 'test', 'support', 'oidc-provider.mjs'), '0'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const events: { event: string; error?: string }[] = [];
  const waiting: { key: string; resolve: (value: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as Record<string, unknown>;
    if (typeof message.event === 'string') events.push(message as { event: string; error?: string });
    for (const w of waiting.filter((x) => x.key in message)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(message);
    }
  });
  const next = (key: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      waiting.push({ key, resolve });
      child.once('exit', (code) => reject(new Error(`oidc-provider exited (${code}): ${stderr.join('')}`)));
    });
  const { issuer } = (await next('issuer')) as { issuer: string };
  return {
    issuer,
    events,
    async configure(redirectUri: string) {
      const ready = next('ready');
      child.stdin.write(
        `${JSON.stringify({ redirectUris: [redirectUri], audience: AUDIENCE, clientId: CLIENT_ID })}\n`,
      );
      await ready;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The provider's development login page imports a web font from Google; the tab refuses every
 * request off this machine, so that one (and the console's note of it) is all that may be refused.
 */
function expectOnlyTheProvidersFontRefused(tab: Tab): void {
  expect(tab.external.filter((url) => !url.startsWith('https://fonts.googleapis.com/'))).toEqual([]);
  expect(tab.errors.filter((e) => e !== 'Failed to load resource: net::ERR_FAILED')).toEqual([]);
  expect(tab.errors.length).toBeLessThanOrEqual(tab.external.length);
}

describeInChromium('web workspace: sign-in at a real OpenID provider (authorization code with PKCE)', () => {
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let world: WebWorld;
  let browser: Browser;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    world = await startWeb({
      now: '2011-11-09T09:00:00.000Z',
      env: {
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: idp.issuer,
        OIDC_JWKS_URL: `${idp.issuer}/jwks`,
        OIDC_AUDIENCE: AUDIENCE,
        OIDC_CLIENT_ID: CLIENT_ID,
      },
    });
    await idp.configure(`${world.url}/anmeldung/rueckruf`);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
    await idp?.close();
  });

  /** Through the provider's own login and consent pages, as a person would. */
  async function signInAtProvider(tab: Tab, login: string): Promise<void> {
    const { page } = tab;
    await page.getByRole('button', { name: 'Mit dem Anmeldedienst anmelden' }).click();
    await page.waitForURL((url) => url.toString().startsWith(idp.issuer));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('beliebig');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs in at the provider and lands on the bookmarked page in the right role; signs out', async () => {
    const tab = await openTab(browser, world, [idp.issuer]);
    const { page } = tab;
    const before = idp.events.length;
    await page.goto(`${world.url}/aufgaben`);
    // No dev sign-in offered under OIDC.
    await page.getByRole('button', { name: 'Mit dem Anmeldedienst anmelden' }).waitFor();
    expect(await page.getByLabel('Bewilligungsstelle').count()).toBe(0);
    await signInAtProvider(tab, 'sachbearbeiterin');
    await page.getByRole('heading', { name: 'Aufgaben' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/aufgaben');
    await page.locator('.who').getByText('Bewilligungsstelle', { exact: true }).waitFor();
    // The provider issued the code and exchanged it (PKCE is required for this public client).
    expect(idp.events.slice(before).map((e) => e.event)).toEqual(['authorization.success', 'grant.success']);

    // The token is the provider's RS256 JWT for the API, which the API verified over its JWKS.
    const stored = await page.evaluate<string | null>(`sessionStorage.getItem('kkz.session')`);
    const token = (JSON.parse(stored ?? '{}') as { token?: string }).token ?? '';
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'RS256', kid: 'kkz-test-1', typ: 'at+jwt' });
    expect(payload).toMatchObject({
      iss: idp.issuer,
      aud: AUDIENCE,
      sub: 'sachbearbeiterin',
      roles: ['grants-office'],
    });

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByText('Sie haben sich abgemeldet.').waitFor();
    await page.goto(`${world.url}/aufgaben`);
    await page.getByRole('button', { name: 'Mit dem Anmeldedienst anmelden' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    expectOnlyTheProvidersFontRefused(tab);
    await tab.context.close();
  });

  it('signs a municipality in with its AGS from the token', async () => {
    const tab = await openTab(browser, world, [idp.issuer]);
    const { page } = tab;
    await page.goto(`${world.url}/anmelden`);
    await signInAtProvider(tab, 'kommune-dortmund');
    await page.getByRole('heading', { name: 'Offene Aufrufe' }).waitFor();
    await page.locator('.who').getByText('Kommune: Dortmund').waitFor();
    expectOnlyTheProvidersFontRefused(tab);
    await tab.context.close();
  });

  it('sends a person back to sign-in when the token has expired', async () => {
    const tab = await openTab(browser, world, [idp.issuer]);
    const { page } = tab;
    await page.goto(`${world.url}/aufgaben`);
    await signInAtProvider(tab, 'kurz-angemeldet'); // a token of 4 seconds
    await page.getByRole('heading', { name: 'Aufgaben' }).waitFor();
    await page.waitForTimeout(4_500);
    await page.goto(`${world.url}/zuwendungen`);
    await page.getByText('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    expect(new URL(page.url()).searchParams.get('weiter')).toBe('/zuwendungen');
    await tab.context.close();
  });

  it('sends a person back to sign-in when the API refuses the token (no role of this system)', async () => {
    const tab = await openTab(browser, world, [idp.issuer]);
    const { page } = tab;
    await page.goto(`${world.url}/aufgaben`);
    await signInAtProvider(tab, 'ohne-rolle');
    await page.getByText('Sie sind nicht (mehr) angemeldet. Bitte melden Sie sich erneut an.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    expect(await page.getByRole('button', { name: 'Abmelden' }).count()).toBe(0);
    await tab.context.close();
  });
});
