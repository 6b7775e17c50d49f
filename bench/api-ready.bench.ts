import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import type { Cleanup } from './support/cleanup';
import { freePort } from './support/free-port';
import { processCpuMs } from './support/process-cpu';
import { apiMain } from './support/paths';
import { elapsedMs, now } from './support/stopwatch';

const TIMEOUT_MS = 180_000;
const POLL_MS = 100;

export interface ApiReadyResult {
  /** From spawning the process to the first 200 of GET /health/ready, with the snapshot the cold start left. */
  seconds: number;
  cpuSeconds: number;
  /** The process's peak resident memory (VmHWM) when it became ready. */
  peakRssMb: number;
  /** The same with no snapshot: every event replayed. */
  coldSeconds: number;
  coldCpuSeconds: number;
  coldPeakRssMb: number;
  /** The orderly stop after the cold start, which writes the snapshot. */
  stopSeconds: number;
  snapshotMb: number;
  detail: string;
}

interface Started {
  seconds: number;
  /** CPU time (user + system) the API had used when it became ready: what the machine's load moves less. */
  cpuSeconds: number;
  peakRssMb: number;
  position?: number;
  /** SIGTERM and wait for the exit (SIGKILL after `graceMs`); resolves with the seconds it took. */
  stop: (graceMs?: number) => Promise<number>;
}

/**
 * Start-up at scale (issue 15 point 6): the compiled API started as `npm start` starts it, on the
 * store the audit bench wrote (a copy of nothing: the same file, whose name is the one the API
 * expects in its DATA_DIR), timed until /health/ready answers 200, i.e. until its read models
 * have caught up with the store's head. The worker is not started in the API (its parts are not
 * part of readiness), and queues get a prefix of their own on the shared Redis.
 *
 * Twice: first cold (any read-model snapshot removed: every event is replayed), then stopped as an
 * orchestrator stops it (SIGTERM: the orderly stop writes the snapshot), then started again: the
 * realistic restart, which loads the snapshot and catches up. The figure of record is the restart;
 * the cold start is printed beside it.
 */
export async function benchApiReady(
  cleanup: Cleanup,
  storeFile: string,
  logLevel: string,
): Promise<ApiReadyResult> {
  const dataDir = dirname(storeFile);
  if (!storeFile.endsWith(join(dataDir, 'events.sqlite'))) throw new Error(`${storeFile}: not events.sqlite`);
  const logFile = join(dataDir, 'api-ready.log');
  const snapshots = () => readdirSync(dataDir).filter((f) => /^read-models-.*\.snapshot$/.test(f));
  for (const file of snapshots()) rmSync(join(dataDir, file));

  const cold = await startApi(cleanup, dataDir, logFile, logLevel);
  // Up to two minutes for the stop: serialising a million events' read models on a loaded machine.
  const stopSeconds = await cold.stop(120_000);
  const written = snapshots();
  if (written.length !== 1)
    throw new Error(`the orderly stop left ${written.length} snapshots:\n${tail(logFile)}`);
  const snapshotMb = statSync(join(dataDir, written[0])).size / 1e6;

  const logBefore = readLog(logFile).length;
  const warm = await startApi(cleanup, dataDir, logFile, logLevel);
  await warm.stop();
  const warmLog = readLog(logFile).slice(logBefore);
  if (!/read models loaded from snapshot/.test(warmLog)) {
    throw new Error(`the restart did not use the snapshot:\n${tail(logFile)}`);
  }
  return {
    seconds: warm.seconds,
    cpuSeconds: warm.cpuSeconds,
    peakRssMb: warm.peakRssMb,
    coldSeconds: cold.seconds,
    coldCpuSeconds: cold.cpuSeconds,
    coldPeakRssMb: cold.peakRssMb,
    stopSeconds,
    snapshotMb,
    detail:
      `restart with the snapshot ready after ${warm.seconds.toFixed(2)} s (${warm.cpuSeconds.toFixed(2)} s of CPU) at position ${warm.position}, peak RSS ${warm.peakRssMb.toFixed(0)} MB; ` +
      `cold (no snapshot) ${cold.seconds.toFixed(2)} s (${cold.cpuSeconds.toFixed(2)} s of CPU), peak RSS ${cold.peakRssMb.toFixed(0)} MB; ` +
      `the stop after it wrote a ${snapshotMb.toFixed(0)} MB snapshot in ${stopSeconds.toFixed(1)} s; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  };
}

async function startApi(
  cleanup: Cleanup,
  dataDir: string,
  logFile: string,
  logLevel: string,
): Promise<Started> {
  const port = await freePort();
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
      READ_MODEL_SNAPSHOTS: 'true',
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stop = async (graceMs = 5_000): Promise<number> => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return 0;
    const stopping = now();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    return elapsedMs(stopping) / 1000;
  };
  cleanup.add(`stop ready-bench API pid ${child.pid}`, () => stop().then(() => undefined));

  let last = 'no answer yet';
  while (elapsedMs(start) < TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the API exited during start (code ${child.exitCode}):\n${tail(logFile)}`);
    }
    const answer = await probe(port);
    if (answer.status === 200) {
      const seconds = elapsedMs(start) / 1000;
      const peakRssMb = peakRss(child.pid as number);
      const cpuSeconds = (processCpuMs(child.pid as number) ?? NaN) / 1000;
      const body = JSON.parse(answer.body) as { readModels?: { position?: number } };
      return { seconds, cpuSeconds, peakRssMb, position: body.readModels?.position, stop };
    }
    last = `${answer.status} ${answer.body.slice(0, 200)}`;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  await stop();
  throw new Error(
    `the API was not ready within ${TIMEOUT_MS / 1000} s (last answer: ${last}):\n${tail(logFile)}`,
  );
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
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
