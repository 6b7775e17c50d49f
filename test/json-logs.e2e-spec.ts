import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeQueueKeys, SHARED_QUEUE_DB, uniquePrefix } from './support/deadlines-harness';
import { DEV_SECRET } from './support/test-api';
import { eventually } from './support/waiting';

jest.setTimeout(120_000);

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** A real process of this repository, its stdout kept whole, as a log shipper would read it. */
function start(entry: string, env: Record<string, string>): { child: ChildProcess; stdout: () => string } {
  let stdout = '';
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, 'support/register-ts.js'), join(__dirname, '..', entry)],
    { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return { child, stdout: () => stdout };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Every line a JSON object with an ISO-8601 time; returns them parsed. */
function jsonLines(output: string): Array<{ time: string; msg?: string; req?: { url: string } }> {
  const lines = output.split('\n').filter((line) => line !== '');
  return lines.map((line) => {
    let parsed: { time?: unknown };
    try {
      parsed = JSON.parse(line) as { time?: unknown };
    } catch {
      throw new Error(`not a JSON line on stdout: ${line}`);
    }
    expect(typeof parsed.time === 'string' && ISO.test(parsed.time) ? 'ISO time' : line).toBe('ISO time');
    return parsed as { time: string; msg?: string; req?: { url: string } };
  });
}

describe('logs are JSON lines with ISO-8601 times, and nothing else, on stdout', () => {
  const prefix = uniquePrefix('json-logs');
  afterAll(() => removeQueueKeys(SHARED_QUEUE_DB, prefix));

  it('holds for the API: banner, requests, a refusal and the shutdown', async () => {
    const port = await freePort();
    const api = start('apps/api/src/main.ts', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-json-logs-')),
      AUTH_DEV_SECRET: DEV_SECRET,
      REDIS_URL: `redis://127.0.0.1:6379/${SHARED_QUEUE_DB}`,
      QUEUE_PREFIX: prefix,
    });
    try {
      await eventually(() => /API listening on/.test(api.stdout()), 90_000, `the API:\n${api.stdout()}`);
      const base = `http://127.0.0.1:${port}`;
      await fetch(`${base}/programmes`);
      await fetch(`${base}/no-such-route`);
      await fetch(`${base}/calls`);
      await eventually(
        () => jsonLines(api.stdout()).filter((l) => l.req).length >= 3,
        10_000,
        'request lines',
      );
    } finally {
      await stop(api.child);
    }
    const lines = jsonLines(api.stdout());
    expect(lines.find((l) => l.msg?.startsWith('API listening on'))).toBeDefined();
    expect(lines.map((l) => l.req?.url).filter(Boolean)).toEqual(
      expect.arrayContaining(['/programmes', '/no-such-route', '/calls']),
    );
  });

  it('holds for the worker', async () => {
    const port = await freePort();
    const worker = start('apps/worker/src/main.ts', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      WORKER_PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-json-logs-worker-')),
      REDIS_URL: `redis://127.0.0.1:6379/${SHARED_QUEUE_DB}`,
      QUEUE_PREFIX: prefix,
    });
    try {
      await eventually(
        () => /worker running/.test(worker.stdout()),
        90_000,
        `the worker:\n${worker.stdout()}`,
      );
      await fetch(`http://127.0.0.1:${port}/health`);
    } finally {
      await stop(worker.child);
    }
    const lines = jsonLines(worker.stdout());
    expect(lines.find((l) => l.msg?.startsWith('worker running'))).toBeDefined();
  });
});
