import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmReason } from '../scripts/ensure-deps';
import { runNode } from './support/run-ts';

/** What a valid lock of a project without dependencies holds. */
const EMPTY_LOCK = `${JSON.stringify(
  {
    name: 'tiny',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'tiny', version: '1.0.0' } },
  },
  null,
  2,
)}\n`;

/**
 * A project of its own in a temporary folder, with scripts/ensure-deps.js copied in (the script
 * installs into the folder above its own). Its one dependency is a local folder (`file:`) that
 * its lock does not record: npm refuses on the sync check without a registry, and the
 * environment leaves it none (offline, an unreachable registry, its own cache and user config).
 */
function tinyProject(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'kkz-ensure-deps-'));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(__dirname, '..', 'scripts', 'ensure-deps.js'), join(dir, 'scripts', 'ensure-deps.js'));
  mkdirSync(join(dir, 'left-pad'));
  writeFileSync(join(dir, 'left-pad', 'package.json'), '{ "name": "left-pad", "version": "1.3.0" }\n');
  writeFileSync(
    join(dir, 'package.json'),
    '{ "name": "tiny", "version": "1.0.0", "private": true, "dependencies": { "left-pad": "file:left-pad" } }\n',
  );
  writeFileSync(join(dir, 'package-lock.json'), EMPTY_LOCK);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    npm_config_cache: join(dir, '.npm-cache'),
    npm_config_userconfig: join(dir, '.npmrc-none'),
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_update_notifier: 'false',
  };
  return { dir, env };
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('scripts/ensure-deps.js', () => {
  const dirs: string[] = [];
  const project = () => {
    const made = tinyProject();
    dirs.push(made.dir);
    return made;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("stops with npm's reason in one sentence when npm ci refuses a lock out of sync, and leaves the lock alone", async () => {
    const { dir, env } = project();
    const lock = join(dir, 'package-lock.json');
    const before = readFileSync(lock);

    const started = Date.now();
    const result = await runNode(join(dir, 'scripts', 'ensure-deps.js'), ['--always'], env, dir);
    expect(result.code).not.toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    expect(lines).toEqual([
      'npm ci failed: `npm ci` can only install packages when your package.json and package-lock.json or ' +
        'npm-shrinkwrap.json are in sync (Missing: left-pad@1.3.0 from lock file).',
    ]);
    expect(lines[0]).toMatch(/Missing:.*\.$/);
    expect(readFileSync(lock).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'node_modules', '.installed-lock.sha256'))).toBe(false);
    // Refused before any fetch: no registry was reachable, and none was waited for.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('announces the install, then the same one sentence, when a fresh clone has no node_modules', async () => {
    const { dir, env } = project();
    const result = await runNode(join(dir, 'scripts', 'ensure-deps.js'), [], env, dir);
    expect(result.code).not.toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Installing dependencies with npm ci/);
    expect(lines[1]).toMatch(
      /^npm ci failed: `npm ci` can only install .* in sync \(Missing: left-pad@1\.3\.0 from lock file\)\.$/,
    );
  });

  it('does not run npm when node_modules was installed from this very lock (the stamp)', async () => {
    const { dir, env } = project();
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(
      join(dir, 'node_modules', '.installed-lock.sha256'),
      `${digest(join(dir, 'package-lock.json'))}\n`,
    );
    const result = await runNode(join(dir, 'scripts', 'ensure-deps.js'), [], env, dir);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('never installs into a node_modules that is a link to another checkout', async () => {
    const { dir, env } = project();
    const other = mkdtempSync(join(tmpdir(), 'kkz-ensure-deps-other-'));
    dirs.push(other);
    symlinkSync(other, join(dir, 'node_modules'));
    const quiet = await runNode(join(dir, 'scripts', 'ensure-deps.js'), [], env, dir);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    const always = await runNode(join(dir, 'scripts', 'ensure-deps.js'), ['--always'], env, dir);
    expect(always.code).toBe(1);
    expect(always.stderr).toBe('node_modules is a link to another checkout: install there, not here\n');
  });

  describe("npm's reason", () => {
    it('skips the code and fields of a network error, its stack and the log file', () => {
      const stderr = [
        'npm warn config this is only a warning',
        'npm error code ECONNREFUSED',
        'npm error syscall connect',
        'npm error errno ECONNREFUSED',
        'npm error FetchError: request to http://127.0.0.1:9/left-pad failed, reason: connect ECONNREFUSED 127.0.0.1:9',
        'npm error     at ClientRequest.<anonymous> (/usr/lib/node_modules/npm/node_modules/minipass-fetch/lib/index.js:130:14)',
        'npm error',
        "npm error If you are behind a proxy, please make sure that the 'proxy' config is set properly.  See: 'npm help config'",
        'npm error A complete log of this run can be found in: /tmp/cache/_logs/2026-01-01T00_00_00_000Z-debug-0.log',
        '',
      ].join('\n');
      expect(npmReason(stderr)).toBe(
        'FetchError: request to http://127.0.0.1:9/left-pad failed, reason: connect ECONNREFUSED 127.0.0.1:9.',
      );
    });

    it("names every package npm names as missing or invalid, and keeps npm's older ERR! prefix", () => {
      const stderr = [
        'npm ERR! code EUSAGE',
        'npm ERR!',
        'npm ERR! `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.',
        'npm ERR!',
        "npm ERR! Invalid: lock file's left-pad@1.2.0 does not satisfy left-pad@1.3.0",
        'npm ERR! Missing: right-pad@1.0.0 from lock file',
        'npm ERR!',
        'npm ERR! Clean install a project',
      ].join('\n');
      expect(npmReason(stderr)).toBe(
        '`npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json ' +
          "are in sync (Invalid: lock file's left-pad@1.2.0 does not satisfy left-pad@1.3.0; " +
          'Missing: right-pad@1.0.0 from lock file).',
      );
    });

    it('names the first five of many packages and says how many more there are', () => {
      const stderr = [
        'npm error `npm ci` can only install packages when your package.json and package-lock.json are in sync.',
        ...Array.from({ length: 8 }, (_, i) => `npm error Missing: pad-${i}@1.0.0 from lock file`),
      ].join('\n');
      expect(npmReason(stderr)).toBe(
        '`npm ci` can only install packages when your package.json and package-lock.json are in sync (' +
          Array.from({ length: 5 }, (_, i) => `Missing: pad-${i}@1.0.0 from lock file`).join('; ') +
          '; and 3 more).',
      );
    });

    it('says so when npm gave no reason', () => {
      expect(npmReason('')).toBe('npm gave no reason.');
    });
  });
});
