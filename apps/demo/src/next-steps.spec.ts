import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_REGISTRY_FILE, loadConfig } from '@app/shared';
import { nextStepsHint } from './next-steps';

describe("the demo's closing hint", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kkz-next-steps-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  /** The configuration the demo's main builds, from the given environment. */
  const demoConfig = (env: Record<string, string>) =>
    loadConfig({
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      MUNICIPALITY_REGISTRY_FILE: DEMO_REGISTRY_FILE,
      ...env,
    });

  it('names the port it was given in both URLs', () => {
    const [serve, token] = nextStepsHint(demoConfig({ PORT: '3987' }));
    expect(serve).toBe(
      'Next: npm start serves the API over this data on http://127.0.0.1:3987 (docs at http://127.0.0.1:3987/docs);',
    );
    expect(token).toMatch(/^ {6}npm run token -- --role grants-office/);
  });

  it('names the host it was given, an IPv6 one in brackets', () => {
    expect(nextStepsHint({ host: '0.0.0.0', port: 8080 })[0]).toContain(
      'on http://0.0.0.0:8080 (docs at http://0.0.0.0:8080/docs);',
    );
    expect(nextStepsHint({ host: '::1', port: 8080 })[0]).toContain(
      'on http://[::1]:8080 (docs at http://[::1]:8080/docs);',
    );
  });

  it("without PORT, names the configuration's default port, whatever that is", () => {
    const config = demoConfig({});
    const [serve] = nextStepsHint(config);
    expect(serve).toContain(
      `on http://127.0.0.1:${config.port} (docs at http://127.0.0.1:${config.port}/docs);`,
    );
  });

  it('with PORT=0, says that npm start names the free port it gets rather than printing port 0', () => {
    const [serve] = nextStepsHint(demoConfig({ PORT: '0' }));
    expect(serve).not.toMatch(/:0\b/);
    expect(serve).toContain('http://127.0.0.1 at a free port the system picks (PORT=0)');
    expect(serve).toContain('"API listening on"');
  });
});
