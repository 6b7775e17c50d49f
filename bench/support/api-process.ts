import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild, waitForLine } from './child-process';
import type { Cleanup } from './cleanup';
import { freePort } from './free-port';
import { randomUUID } from 'node:crypto';
import { apiMain, exitOnSigtermPreload, repoRoot, workerMain } from './paths';

export interface ApiProcessOptions {
  dataDir: string;
  devSecret: string;
  /** info in the real bench: request logging is part of what a command costs. */
  logLevel: string;
  /** When set, the API runs with --cpu-prof and writes its .cpuprofile here on exit. */
  cpuProfileDir?: string;
  /**
   * What `npm start` runs (scripts/run.js api: the API and, beside it, the worker on the same
   * store) instead of the API alone (RUN_WORKER_IN_API=false, no worker).
   */
  defaultStart?: boolean;
}

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  /** The API's process and, in a profiled default start, the worker's (each with its children). */
  pids: number[];
  logFile: string;
  /** The default start's worker: its /health (how far its followers are behind the store). */
  workerHealthUrl?: string;
  stop(): Promise<void>;
}

const READY_LINE = 'API listening on ';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts the compiled API as its own process, exactly as `npm start` would run it, on a fresh
 * data dir. Its stdout and stderr go straight to a file in that dir (not through this process,
 * which is the load generator and must not spend CPU relaying ~1 log line per request).
 */
export async function startApi(options: ApiProcessOptions, cleanup: Cleanup): Promise<ApiProcess> {
  const port = await freePort();
  const logFile = join(options.dataDir, 'api.log');
  const logFd = openSync(logFile, 'a');
  const nodeArgs = options.cpuProfileDir
    ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir, '--require', exitOnSigtermPreload]
    : [];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.RUN_WORKER_IN_API;
  // Profiled, the default start's two processes are started here as scripts/run.js starts them
  // (--cpu-prof is not allowed in NODE_OPTIONS, so run.js cannot pass it on): one profile each.
  const profiledPair = options.defaultStart === true && options.cpuProfileDir !== undefined;
  const command =
    options.defaultStart && !profiledPair
      ? [join(repoRoot, 'scripts', 'run.js'), 'api']
      : [...nodeArgs, apiMain];
  const workerPort = options.defaultStart ? await freePort() : undefined;
  const sharedEnv: NodeJS.ProcessEnv = {
    ...env,
    ...(workerPort !== undefined
      ? { WORKER_PORT: String(workerPort), QUEUE_PREFIX: `bench-${randomUUID().slice(0, 8)}` }
      : {}),
    ...(!options.defaultStart || profiledPair ? { RUN_WORKER_IN_API: 'false' } : {}),
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    EVENT_STORE_URL: '',
    RATE_LIMIT_PER_MINUTE: '0',
    AUTH_MODE: 'dev',
    AUTH_DEV_SECRET: options.devSecret,
    LOG_LEVEL: options.logLevel,
  };
  const child = spawn(process.execPath, command, { env: sharedEnv, stdio: ['ignore', logFd, logFd] });
  const worker = profiledPair
    ? spawn(process.execPath, [...nodeArgs, workerMain], { env: sharedEnv, stdio: ['ignore', logFd, logFd] })
    : undefined;
  closeSync(logFd);
  // If this process dies without running the cleanup, the API must not outlive it.
  const killOnExit = () => {
    child.kill('SIGKILL');
    worker?.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await Promise.all([stopChild(child, STOP_TIMEOUT_MS), worker && stopChild(worker, STOP_TIMEOUT_MS)]);
  };
  cleanup.add(`stop API pid ${child.pid}`, stop);
  // The line main.ts prints once the server listens.
  await waitForLine('the API', child, logFile, READY_LINE, START_TIMEOUT_MS);
  const pids = [child.pid as number, ...(worker ? [worker.pid as number] : [])];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    pids,
    logFile,
    ...(workerPort !== undefined ? { workerHealthUrl: `http://127.0.0.1:${workerPort}/health` } : {}),
    stop,
  };
}
