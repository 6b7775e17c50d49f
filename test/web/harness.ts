import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from '@app/documents/testing/chromium';
import { type EventStore, SqliteEventStore } from '@app/eventsourcing';
import { projectRoot } from '@app/shared';
import { startTestApi, type TestApi } from '../support/test-api';

export { chromiumMissing };

/** Every file the bundle is built from (the web app, its config, the locked dependencies), hashed. */
function bundleDigest(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(root, 'apps', 'web'));
  walk(join(root, 'libs', 'api-client', 'src'));
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The web workspace as it is shipped: apps/web bundled by Vite (the same config `npm run build`
 * uses), served by the real API on 127.0.0.1 with a SQLite store and Redis, driven by Debian's
 * Chromium. The bundle is built once for its sources and shared by the test files that run at
 * the same time: one process builds (a lock directory decides which), the others wait for it;
 * two Vite builds at once in one checkout trip over each other.
 */
export function buildBundle(): string {
  const root = projectRoot();
  const out = join(tmpdir(), `kkz-web-bundle-${bundleDigest(root)}`);
  const complete = `${out}.complete`;
  const lock = `${out}.lock`;
  const started = Date.now();
  while (!existsSync(complete)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another process builds; a lock much older than a build is that of a process that died.
      const lockedAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (lockedAt !== undefined && Date.now() - lockedAt > 300_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 600_000)
        throw new Error(`the web bundle was not built within 10 minutes (${lock})`);
      pause(250);
      continue;
    }
    try {
      if (existsSync(complete)) break;
      const building = mkdtempSync(join(tmpdir(), 'kkz-web-building-'));
      execFileSync(
        process.execPath,
        [
          join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
          'build',
          '--config',
          'apps/web/vite.config.mts',
          '--outDir',
          building,
          '--emptyOutDir',
        ],
        { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      rmSync(out, { recursive: true, force: true });
      renameSync(building, out);
      writeFileSync(complete, '');
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return out;
}

export interface WebWorld {
  api: TestApi;
  store: EventStore;
  url: string;
  dir: string;
  close(): Promise<void>;
}

export async function startWeb(options: {
  now: string;
  store?: EventStore;
  dir?: string;
  env?: Record<string, string>;
}): Promise<WebWorld> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kkz-web-data-'));
  const store = options.store ?? new SqliteEventStore(join(dir, 'events.sqlite'));
  const api = await startTestApi({
    now: options.now,
    store,
    env: { WEB_ROOT: buildBundle(), DATA_DIR: dir, ...options.env },
  });
  const server = (api.app.getHttpServer() as Server).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { api, store, url, dir, close: () => api.close() };
}

export interface Tab {
  page: Page;
  context: BrowserContext;
  /** Requests that tried to leave the machine (refused). */
  external: string[];
  /** Console errors, CSP violations among them. */
  errors: string[];
}

/** A browser tab that may reach the API's origin (and `alsoAllowed`, e.g. an identity provider) only. */
export async function openTab(browser: Browser, world: WebWorld, alsoAllowed: string[] = []): Promise<Tab> {
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: 'de-DE',
    viewport: { width: 1280, height: 900 },
  });
  const external: string[] = [];
  const origin = new URL(world.url).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const allowed = [origin, ...alsoAllowed].some((o) => url.startsWith(`${o}/`));
    if (allowed || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, external, errors };
}

/** Signs in on the dev sign-in page, as a person would: role, then municipality by its name. */
export async function signIn(tab: Tab, world: WebWorld, role: string, municipality?: string): Promise<void> {
  const { page } = tab;
  await page.goto(`${world.url}/anmelden`);
  await page.getByLabel(role, { exact: true }).check();
  if (municipality)
    await page.getByLabel('Ihre Kommune', { exact: true }).selectOption({ label: municipality });
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  screen: string;
  violations: { id: string; impact: string | null; nodes: number }[];
}

/** Every screen's axe-core results, for the closing note. */
export const axeFindings: AxeFinding[] = [];

/**
 * axe-core on the page as it is (WCAG 2.1 A and AA rules). Its source is evaluated through the
 * browser's debugging protocol, which the page's CSP does not govern: the page itself keeps its
 * policy (no inline script) and is checked under it.
 */
export async function axe(page: Page, screen: string): Promise<AxeFinding['violations']> {
  await page.evaluate(AXE);
  const violations = await page.evaluate<AxeFinding['violations']>(
    `axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`,
  );
  axeFindings.push({ screen, violations });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Screenshots for docs/screenshots, when WEB_SCREENSHOTS=1 (the committed ones were made so). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.WEB_SCREENSHOTS !== '1') return;
  const dir = join(projectRoot(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

export function printAxeSummary(journey: string): void {
  const lines = axeFindings.map(
    (f) =>
      `  ${f.screen}: ${
        f.violations.length === 0
          ? 'no violations'
          : f.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`).join(', ')
      }`,
  );
  console.log(`axe-core, ${journey}:\n${lines.join('\n')}`);
}

export { launchChromium };
