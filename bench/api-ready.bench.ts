import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { dirname, join } from 'node:path';
import type { Cleanup } from './support/cleanup';
import { freePort } from './support/free-port';
import { apiMain } from './support/paths';
import { elapsedMs, now } from './support/stopwatch';

const TIMEOUT_MS = 120_000;
const POLL_MS = 100;

export interface ApiReadyResult {
  /** From spawning the process to the first 200 of GET /health/ready. */
  seconds: number;
  /** The process's peak resident memory (VmHWM) when it became ready. */
  peakRssMb: number;
  detail: string;
}

/**
 * Start-up at scale (issue 15 point 6): the compiled API started as `npm start` starts it, on the
 * store the audit bench wrote (a copy of nothing: the same file, whose name is the one the API
 * expects in its DATA_DIR), timed until /health/ready answers 200, i.e. until its read models
 * have caught up with the store's head. The worker is not started in the API (its parts are not
 * part of readiness), and queues get a prefix of their own on the shared Redis.
 */
export async function benchApiReady(
  cleanup: Cleanup,
  storeFile: string,
  logLevel: string,
): Promise<ApiReadyResult> {
  const dataDir = dirname(storeFile);
  if (!storeFile.endsWith(join(dataDir, 'events.sqlite'))) throw new Error(`${storeFile}: not events.sqlite`);
  const port = await freePort();
  const logFile = join(dataDir, 'api-ready.log');
  const logFd = openSync(logFile, 'a');
  const start = now();
  const child = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EVENT_STORE_URL: '',
      RATE_LIMIT_PER_MINUTE: '0',
      AUTH_MODE: 'dev',
      AUTH_DEV_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: logLevel,
      RUN_WORKER_IN_API: 'false',
      QUEUE_PREFIX: `bench-ready-${process.pid}`,
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  cleanup.add(`stop ready-bench API pid ${child.pid}`, stop);

  let last = 'no answer yet';
  while (elapsedMs(start) < TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the API exited during start (code ${child.exitCode}):\n${tail(logFile)}`);
    }
    const answer = await probe(port);
    if (answer.status === 200) {
      const seconds = elapsedMs(start) / 1000;
      const peakRssMb = peakRss(child.pid as number);
      const body = JSON.parse(answer.body) as { readModels?: { position?: number } };
      await stop();
      return {
        seconds,
        peakRssMb,
        detail: `ready after ${seconds.toFixed(2)} s with the read models at position ${body.readModels?.position}, peak RSS ${peakRssMb.toFixed(0)} MB`,
      };
    }
    last = `${answer.status} ${answer.body.slice(0, 200)}`;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(
    `the API was not ready within ${TIMEOUT_MS / 1000} s (last answer: ${last}):\n${tail(logFile)}`,
  );
}

function probe(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/health/ready', timeout: 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, body: '' }));
  });
}

/** VmHWM from /proc: the most memory the process has held resident so far. */
function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}
