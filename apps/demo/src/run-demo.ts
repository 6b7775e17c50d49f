import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { EVENT_STORE, type AppConfig, SimulatedClock, withoutPassword } from '@app/shared';
import type { EventStore } from '@app/eventsourcing';
import { resolveDevSecret } from '@app/identity/dev-secret';
import { CheckpointSchedule } from '@app/audit';
import { buildApi } from '../../api/src/build-api';
import { Callers } from './demo-client';
import { type Cast, readCast } from './demo-data';
import { collectFigures, type DemoFigures, reportOf } from './figures';
import { renderProgrammeReport } from './report-html';
import {
  expressionsOfInterest2011,
  publishCall2011,
  resolutionsAfterSelection,
  selection2011,
} from './scenario/call-2011';
import { berlinDay, type DemoContext } from './scenario/demo-context';
import { evaluationSurvey } from './scenario/evaluation';
import { phaseOne, phaseTwo, phaseTwoReports } from './scenario/phases';
import { describeFirings } from './firings-log';
import { Simulation } from './simulation';

export interface DemoOptions {
  config: AppConfig;
  /** A smaller cast for the e2e test: a few of each group instead of 52 applicants. */
  short?: boolean;
  write?: (line: string) => void;
}

export interface DemoResult {
  figures: DemoFigures;
  cast: Cast;
  reportFile: string;
  seconds: number;
}

/**
 * A fresh data directory: an earlier run's is moved aside to `<DATA_DIR>.previous` (replacing
 * an older one), never mixed with this run's events.
 */
export function freshDataDir(dataDir: string, write: (line: string) => void): void {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    const previous = `${dataDir}.previous`;
    rmSync(previous, { recursive: true, force: true });
    renameSync(dataDir, previous);
    write(`An earlier run's data was moved to ${previous} (delete it, or rename it to keep it).`);
  }
  mkdirSync(dataDir, { recursive: true });
}

/** Removes the queues of an earlier run: they belonged to a store that no longer exists. */
async function clearQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
  } catch {
    throw new Error(
      `Redis at ${withoutPassword(redisUrl)} is unreachable: the demo's deadlines need it. Start it with ` +
        '"redis-server --daemonize yes" or "docker compose up -d redis".',
    );
  }
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function shorten(cast: Cast): Cast {
  const keep = new Set(['Kreis Unna', 'Oberhausen', 'Witten', 'Dortmund']);
  return {
    ...cast,
    phase1: cast.phase1.filter((m) => keep.has(m.name)),
    notSelected2011: [cast.late, ...cast.notSelected2011.filter((m) => m !== cast.late).slice(0, 4)],
    phase2New: cast.phase2New.slice(0, 3),
  };
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { config } = options;
  await clearQueues(config.redisUrl, config.queuePrefix);
  const cast = options.short
    ? shorten(readCast(config.municipalityRegistryFile))
    : readCast(config.municipalityRegistryFile);
  const clock = new SimulatedClock({ start: '2011-10-17T08:00:00.000Z', speed: 1 });
  // The demo's one client drives hundreds of requests a minute from loopback: no rate limit here.
  const app = await buildApi({
    config: { ...config, runWorkerInApi: true, rateLimitPerMinute: 0 },
    clock,
    // stdout is the demo's story for people; the API's JSON log goes to stderr beside it.
    logTo: 'stderr',
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const store = app.get<EventStore>(EVENT_STORE);
  const callers = new Callers(
    `http://127.0.0.1:${port}`,
    resolveDevSecret(config.auth.mode === 'dev' ? config.auth.devSecret : undefined, config.dataDir),
  );
  const sim = new Simulation(app, store, clock, config.redisUrl, config.queuePrefix);
  const timeline: DemoContext['timeline'] = [];
  const ctx: DemoContext = {
    sim,
    callers,
    cast,
    office: await callers.as('grants-office'),
    timeline,
    log(message, milestone = false) {
      const date = berlinDay(clock.now());
      if (milestone) timeline.push({ date, label: message });
      write(`[${date}] ${message}`);
    },
  };
  sim.onFired = (events) => describeFirings(events).forEach((line) => ctx.log(line));
  try {
    await publishCall2011(ctx);
    await expressionsOfInterest2011(ctx);
    await selection2011(ctx);
    await resolutionsAfterSelection(ctx);
    const phaseOnePlans = await phaseOne(ctx);
    const phaseTwoPlans = await phaseTwo(ctx, phaseOnePlans);
    await evaluationSurvey(ctx, cast.phase1, cast.phase2New);
    await phaseTwoReports(ctx, phaseTwoPlans);
    write(`Deadlines: ${sim.firings} firing moments passed on the simulated clock through BullMQ.`);
    // A signed Merkle checkpoint over every stream head, so that auditors can pin this state.
    await app.get(CheckpointSchedule, { strict: false }).tick();
    const checkpoints = (await store.readAll()).filter((e) => e.type === 'IntegrityCheckpointRecorded');
    const checkpoint = checkpoints.at(-1)?.data as { sequence: number; merkleRoot: string } | undefined;
    if (checkpoint) {
      write(
        `Integrity checkpoint ${checkpoint.sequence} recorded; an auditor can pin it with ` +
          `npm run audit:verify -- --expect ${checkpoint.sequence}:${checkpoint.merkleRoot}`,
      );
    }
    const figures = await collectFigures(store, callers);
    const reportFile = join(config.dataDir, 'programme-report.html');
    writeFileSync(
      reportFile,
      renderProgrammeReport(reportOf(figures, cast, timeline, new Date().toISOString())),
    );
    return { figures, cast, reportFile, seconds: (Date.now() - started) / 1000 };
  } finally {
    await sim.close();
    await app.close();
  }
}
