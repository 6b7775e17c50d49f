import { randomBytes } from 'node:crypto';
import { signDevToken } from '@app/identity';
import { startApi } from './support/api-process';
import { type ApplicationSlot, ApplicationSlots } from './support/application-slots';
import { createProgramme, openCalls } from './support/calls-setup';
import type { Cleanup } from './support/cleanup';
import { EXPRESSION_OF_INTEREST } from './support/fixtures';
import { JsonClient } from './support/http-client';
import { percentile } from './support/latency';
import { LoadStats } from './support/load-stats';
import { municipalityAgs } from './support/municipalities';
import { ownCpuMs, processTreeCpuByName, processTreeCpuMs } from './support/process-cpu';
import { elapsedMs, now } from './support/stopwatch';
import { makeTempDir } from './support/temp-dir';

/**
 * Commands through the whole API as it runs in production (own process, SQLite store, JWT auth,
 * validation, request logging): each worker drafts and then submits an expression of interest for
 * a fresh (call, municipality) pair, over its own keep-alive connection. The load generator runs
 * on the same machine and takes CPU from the API; the figures are therefore a lower bound.
 */
export interface HttpBenchOptions {
  connections?: number;
  /** Calls whose pairs are used for the warm-up (JIT, caches; not counted). */
  warmUpCalls?: number;
  /** Workers start no new pair after this; the pairs in flight still finish and count. */
  durationMs?: number;
  logLevel?: string;
  cpuProfileDir?: string;
  /** Aborted on Ctrl-C: workers stop taking pairs. */
  signal?: AbortSignal;
  /** Serve with what `npm start` runs (API and worker processes) instead of the API alone. */
  defaultStart?: boolean;
}

export interface HttpBenchResult {
  connections: number;
  commands: number;
  /** Unexpected answers or failed requests, warm-up included. */
  errors: number;
  errorSamples: string[];
  seconds: number;
  commandsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  callsOpened: number;
  /** The measured window ended early because every prepared pair was used. */
  ranOutOfPairs: boolean;
  /**
   * CPU used during the measured window by the server's processes (the default start: the API and
   * the worker), in % of one core; undefined without /proc.
   */
  apiCpuPercent?: number;
  /** The same CPU per command answered, ms. */
  apiCpuMsPerCommand?: number;
  /** CPU per command answered, ms, of each of the server's processes (named by their script). */
  cpuMsPerCommandByProcess: Record<string, number>;
  loadGeneratorCpuPercent: number;
  /** The default start: whether its worker kept up with the commands (see measureWorkerLag). */
  workerLag?: WorkerLag;
}

/**
 * How far the default start's worker (deadline manager, notification dispatcher) was behind the
 * store when the measured window ended, and how long it then took to catch up: a worker that
 * only looks cheap because it falls behind would show here.
 */
export interface WorkerLag {
  /** Events behind the store's head at the window's end, per follower. */
  behindAtEnd: Record<string, number>;
  /** ms from the window's end until every follower was at the store's head; undefined if not within 30 s. */
  catchUpMs?: number;
}

/** Enough pairs for the measured window at the warm-up's pace, with room for it to speed up. */
const PAIR_HEADROOM = 4;

/** The server under load: ours, or the peer serving the same two commands. */
export interface CommandTarget {
  baseUrl: string;
  /** The server's processes: their CPU, their children's included, is measured over the window. */
  pids: number[];
  /** Once, before any call is opened (our API needs the programme first). */
  setUp(client: JsonClient, officeToken: string): Promise<void>;
  /** Drafts and publishes `count` more calls numbered on from `firstIndex`, then hands out their pairs. */
  openCalls(
    client: JsonClient,
    officeToken: string,
    slots: ApplicationSlots,
    firstIndex: number,
    count: number,
  ): Promise<void>;
}

export async function benchHttpCommands(
  cleanup: Cleanup,
  options: HttpBenchOptions = {},
): Promise<HttpBenchResult> {
  const { logLevel = 'info', cpuProfileDir, defaultStart } = options;
  const devSecret = randomBytes(32).toString('hex');
  const api = await startApi(
    { dataDir: makeTempDir('api', cleanup), devSecret, logLevel, cpuProfileDir, defaultStart },
    cleanup,
  );
  const target: CommandTarget = {
    baseUrl: api.baseUrl,
    pids: api.pids,
    setUp: createProgramme,
    openCalls,
  };
  try {
    const result = await loadCommands(cleanup, target, devSecret, options);
    return api.workerHealthUrl
      ? { ...result, workerLag: await measureWorkerLag(api.workerHealthUrl) }
      : result;
  } finally {
    // Stopped now, not at the end of the run: an idle API (and its worker, if embedded) must not
    // take CPU from the benches after this one.
    await api.stop();
  }
}

/** Warm-up, then the measured window, against any server that serves the two commands. */
export async function loadCommands(
  cleanup: Cleanup,
  target: CommandTarget,
  devSecret: string,
  options: HttpBenchOptions = {},
): Promise<HttpBenchResult> {
  const { connections = 32, warmUpCalls = 2, durationMs = 8000, signal } = options;
  const client = new JsonClient(target.baseUrl, connections);
  cleanup.add('close HTTP agent', () => client.close());

  const agsList = municipalityAgs();
  const office = await signDevToken(devSecret, { role: 'grants-office' });
  const tokens = new Map<string, string>();
  for (const ags of agsList) tokens.set(ags, await signDevToken(devSecret, { role: 'municipality', ags }));

  const slots = new ApplicationSlots(agsList);
  await target.setUp(client, office);
  await target.openCalls(client, office, slots, 0, warmUpCalls);
  let callsOpened = warmUpCalls;

  const warmUp = new LoadStats();
  const warmUpStart = now();
  await runLoad(client, tokens, slots, connections, Infinity, warmUp, signal);
  const warmUpPairsPerSecond = warmUp.commands / 2 / (elapsedMs(warmUpStart) / 1000);

  const pairsNeeded = Math.ceil((warmUpPairsPerSecond * durationMs * PAIR_HEADROOM) / 1000);
  const moreCalls = Math.max(1, Math.ceil(pairsNeeded / agsList.length));
  await target.openCalls(client, office, slots, callsOpened, moreCalls);
  callsOpened += moreCalls;

  const measured = new LoadStats();
  const apiCpuBefore = processTreeCpuMs(target.pids);
  const byNameBefore = processTreeCpuByName(target.pids);
  const ownCpuBefore = ownCpuMs();
  const start = now();
  await runLoad(client, tokens, slots, connections, start + durationMs, measured, signal);
  const windowMs = elapsedMs(start);
  const apiCpuAfter = processTreeCpuMs(target.pids);
  const byNameAfter = processTreeCpuByName(target.pids);
  const ownCpu = ownCpuMs() - ownCpuBefore;
  client.close();

  return {
    connections,
    commands: measured.commands,
    errors: warmUp.errors + measured.errors,
    errorSamples: [...warmUp.errorSamples, ...measured.errorSamples].slice(0, 5),
    seconds: windowMs / 1000,
    commandsPerSecond: measured.commands / (windowMs / 1000),
    p50Ms: percentile(measured.latenciesMs, 50),
    p99Ms: percentile(measured.latenciesMs, 99),
    callsOpened,
    ranOutOfPairs: windowMs < durationMs,
    apiCpuPercent:
      apiCpuBefore !== undefined && apiCpuAfter !== undefined
        ? ((apiCpuAfter - apiCpuBefore) / windowMs) * 100
        : undefined,
    cpuMsPerCommandByProcess: Object.fromEntries(
      [...byNameAfter].map(([name, ms]) => [
        name,
        measured.commands > 0 ? (ms - (byNameBefore.get(name) ?? 0)) / measured.commands : 0,
      ]),
    ),
    apiCpuMsPerCommand:
      apiCpuBefore !== undefined && apiCpuAfter !== undefined && measured.commands > 0
        ? (apiCpuAfter - apiCpuBefore) / measured.commands
        : undefined,
    loadGeneratorCpuPercent: (ownCpu / windowMs) * 100,
  };
}

/** `connections` workers take pairs until the deadline, the pairs run out or the run is aborted. */
async function runLoad(
  client: JsonClient,
  tokens: Map<string, string>,
  slots: ApplicationSlots,
  connections: number,
  deadline: number,
  stats: LoadStats,
  signal?: AbortSignal,
): Promise<void> {
  const worker = async () => {
    while (now() < deadline && !signal?.aborted) {
      const slot = slots.take();
      if (!slot) return;
      await draftAndSubmit(client, tokens.get(slot.ags) as string, slot, stats);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
}

/** Two commands; the submit only if the draft was accepted (it would fail for a known reason). */
async function draftAndSubmit(
  client: JsonClient,
  token: string,
  slot: ApplicationSlot,
  stats: LoadStats,
): Promise<void> {
  const { callId, applicationId } = slot;
  const drafted = stats.record(
    `draft ${applicationId}`,
    await client
      .post(`/calls/${callId}/expressions-of-interest`, token, EXPRESSION_OF_INTEREST)
      .catch(asError),
    201,
    (body) => (JSON.parse(body) as { id?: string }).id === applicationId,
  );
  if (!drafted) return;
  stats.record(
    `submit ${applicationId}`,
    await client.post(`/expressions-of-interest/${applicationId}/submit`, token).catch(asError),
    200,
    (body) => (JSON.parse(body) as { revision?: number }).revision === 1,
  );
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

const FOLLOWERS = ['deadlines', 'notifications'] as const;
const CATCH_UP_TIMEOUT_MS = 30_000;

/**
 * Asked right after the window: each follower's distance from the store's head as `/health`
 * judges it (against the head at the moment of asking), then again every 20 ms until all are at
 * the head. An answer that cannot be had or read counts as not caught up, and is asked again.
 */
async function measureWorkerLag(healthUrl: string): Promise<WorkerLag> {
  const start = now();
  const ask = async (): Promise<Record<string, number>> => {
    try {
      const body = (await (await fetch(healthUrl)).json()) as Record<string, { behind?: number } | undefined>;
      return Object.fromEntries(FOLLOWERS.map((name) => [name, body[name]?.behind ?? Number.NaN]));
    } catch {
      return Object.fromEntries(FOLLOWERS.map((name) => [name, Number.NaN]));
    }
  };
  const caughtUp = (behind: Record<string, number>) => Object.values(behind).every((n) => n === 0);
  const behindAtEnd = await ask();
  if (caughtUp(behindAtEnd)) return { behindAtEnd, catchUpMs: 0 };
  while (elapsedMs(start) < CATCH_UP_TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (caughtUp(await ask())) return { behindAtEnd, catchUpMs: elapsedMs(start) };
  }
  return { behindAtEnd };
}
