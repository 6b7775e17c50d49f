import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HttpBenchOptions, type HttpBenchResult, loadCommands } from './http-commands.bench';
import type { ApplicationSlots } from './support/application-slots';
import type { Cleanup } from './support/cleanup';
import { freePort } from './support/free-port';
import type { JsonClient } from './support/http-client';
import { makeTempDir } from './support/temp-dir';

/** Printed by bench/emmett/peer.ts once it listens (kept here so the bench never loads the peer). */
const PEER_READY_LINE = 'EMMETT PEER listening on ';
const START_TIMEOUT_MS = 30_000;

/**
 * The same two commands, the same 32 keep-alive connections and the same load generator as
 * benchHttpCommands, against Emmett on its own SQLite event store (bench/emmett/peer.ts), started
 * as its own process like our API. What either does per command: bench/emmett/README.md.
 */
export async function benchEmmettCommands(
  cleanup: Cleanup,
  options: HttpBenchOptions = {},
): Promise<HttpBenchResult> {
  const devSecret = randomBytes(32).toString('hex');
  const dir = makeTempDir('emmett', cleanup);
  const port = await freePort();
  const logFile = join(dir, 'peer.log');
  const logFd = openSync(logFile, 'a');
  const script = join(__dirname, 'emmett', `peer${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
  const child = spawn(process.execPath, [...process.execArgv, script], {
    env: {
      ...process.env,
      PORT: String(port),
      EMMETT_DB: join(dir, 'emmett.sqlite'),
      AUTH_DEV_SECRET: devSecret,
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stopPeer = async () => {
    process.off('exit', killOnExit);
    await stop(child);
  };
  cleanup.add(`stop Emmett peer pid ${child.pid}`, stopPeer);
  await waitForReady(child, logFile);

  const openCalls = async (
    client: JsonClient,
    officeToken: string,
    slots: ApplicationSlots,
    firstIndex: number,
    count: number,
  ) => {
    const ids = Array.from(
      { length: count },
      (_, i) => `bench-call-${String(firstIndex + i).padStart(4, '0')}`,
    );
    for (const callId of ids) {
      const result = await client.post(`/bench/calls/${callId}`, officeToken);
      if (result.status !== 201) {
        throw new Error(
          `Emmett peer: open call ${callId}: HTTP ${result.status} ${result.body.slice(0, 300)}`,
        );
      }
    }
    for (const callId of ids) slots.addCall(callId);
  };
  const result = await loadCommands(
    cleanup,
    {
      baseUrl: `http://127.0.0.1:${port}`,
      pids: [child.pid as number],
      setUp: async () => undefined,
      openCalls,
    },
    devSecret,
    options,
  ).finally(stopPeer);
  if (result.errors > 0) result.errorSamples.push(`Emmett peer log: ${tail(logFile)}`);
  return result;
}

async function waitForReady(child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the Emmett peer exited during start (code ${child.exitCode}):\n${tail(logFile)}`);
    }
    if (readFileSync(logFile, 'utf8').includes(PEER_READY_LINE)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the Emmett peer did not start within ${START_TIMEOUT_MS} ms:\n${tail(logFile)}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-10).join('\n');
  } catch {
    return '(no log)';
  }
}
