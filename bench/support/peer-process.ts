import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicationSlots } from './application-slots';
import type { Cleanup } from './cleanup';
import { freePort } from './free-port';
import type { JsonClient } from './http-client';

const START_TIMEOUT_MS = 30_000;

export interface PeerProcess {
  baseUrl: string;
  pid: number;
  logFile: string;
  /** The last lines of its log, for an error message. */
  tail(): string;
  stop(): Promise<void>;
}

/**
 * Starts a server of the HTTP command bench other than our API (the Emmett peer, the framework
 * ceilings) as its own process, like our API, on a free port given as PORT. Its output goes to a
 * file in `dir`; it is ready once that file holds `readyLine`.
 */
export async function startPeer(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  readyLine: string,
  dir: string,
  cleanup: Cleanup,
): Promise<PeerProcess> {
  const port = await freePort();
  const logFile = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.log`);
  const logFd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...process.execArgv, script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stopPeer = async () => {
    process.off('exit', killOnExit);
    await stop(child);
  };
  cleanup.add(`stop ${name} pid ${child.pid}`, stopPeer);
  const peer: PeerProcess = {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    logFile,
    tail: () => tail(logFile),
    stop: stopPeer,
  };
  await waitForReady(name, child, peer, readyLine);
  return peer;
}

/** A script beside the caller's module: the .ts under ts-node/jest, the compiled .js otherwise. */
export function scriptBeside(callerFile: string, dir: string, name: string): string {
  return join(dir, `${name}${callerFile.endsWith('.ts') ? '.ts' : '.js'}`);
}

/**
 * Opens `count` calls numbered on from `firstIndex` on a peer (`POST /bench/calls/<id>`, answered
 * 201), then hands out their (call, municipality) pairs.
 */
export async function openPeerCalls(
  name: string,
  client: JsonClient,
  officeToken: string,
  slots: ApplicationSlots,
  firstIndex: number,
  count: number,
): Promise<void> {
  const ids = Array.from(
    { length: count },
    (_, i) => `bench-call-${String(firstIndex + i).padStart(4, '0')}`,
  );
  for (const callId of ids) {
    const result = await client.post(`/bench/calls/${callId}`, officeToken);
    if (result.status !== 201) {
      throw new Error(`${name}: open call ${callId}: HTTP ${result.status} ${result.body.slice(0, 300)}`);
    }
  }
  for (const callId of ids) slots.addCall(callId);
}

async function waitForReady(
  name: string,
  child: ChildProcess,
  peer: PeerProcess,
  readyLine: string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited during start (code ${child.exitCode}):\n${peer.tail()}`);
    }
    if (readFileSync(peer.logFile, 'utf8').includes(readyLine)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${name} did not start within ${START_TIMEOUT_MS} ms:\n${peer.tail()}`);
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
