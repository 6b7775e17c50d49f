import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CommandTarget,
  type HttpBenchOptions,
  type HttpBenchResult,
  loadCommands,
} from '../http-commands.bench';
import { benchCallIds } from './calls-setup';
import { logTail, stopChild, waitForLine } from './child-process';
import type { Cleanup } from './cleanup';
import { freePort } from './free-port';

const START_TIMEOUT_MS = 30_000;

export interface PeerProcess {
  name: string;
  baseUrl: string;
  pid: number;
  logFile: string;
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
  const logFile = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.log`);
  const logFd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...process.execArgv, script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
  };
  cleanup.add(`stop ${name} pid ${child.pid}`, stop);
  await waitForLine(name, child, logFile, readyLine, START_TIMEOUT_MS, 10);
  return { name, baseUrl: `http://127.0.0.1:${port}`, pid: child.pid as number, logFile, stop };
}

/** A script beside the caller's module: the .ts under ts-node/jest, the compiled .js otherwise. */
export function scriptBeside(callerFile: string, dir: string, name: string): string {
  return join(dir, `${name}${callerFile.endsWith('.ts') ? '.ts' : '.js'}`);
}

/**
 * The command bench's load against a peer, which then stops. It opens calls with `POST
 * /bench/calls/<id>` (answered 201) and needs nothing set up before; errors come with its log's
 * last lines.
 */
export async function loadPeerCommands(
  cleanup: Cleanup,
  peer: PeerProcess,
  devSecret: string,
  options: HttpBenchOptions,
): Promise<HttpBenchResult> {
  const result = await loadCommands(
    cleanup,
    {
      baseUrl: peer.baseUrl,
      pids: [peer.pid],
      setUp: async () => undefined,
      openCalls: openPeerCalls(peer.name),
    },
    devSecret,
    options,
  ).finally(() => peer.stop());
  if (result.errors > 0) result.errorSamples.push(`${peer.name}, its log: ${logTail(peer.logFile, 10)}`);
  return result;
}

/** A peer's `openCalls`: `POST /bench/calls/<id>` for each call, answered 201, then its pairs handed out. */
function openPeerCalls(name: string): CommandTarget['openCalls'] {
  return async (client, officeToken, slots, firstIndex, count) => {
    const ids = benchCallIds(firstIndex, count);
    for (const callId of ids) {
      const result = await client.post(`/bench/calls/${callId}`, officeToken);
      if (result.status !== 201) {
        throw new Error(`${name}: open call ${callId}: HTTP ${result.status} ${result.body.slice(0, 300)}`);
      }
    }
    for (const callId of ids) slots.addCall(callId);
  };
}
