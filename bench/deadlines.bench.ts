import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import Redis from 'ioredis';
import {
  type DeadlineOpenedData,
  DeadlineWorker,
  type FiringHooks,
  nextFiring,
  windowOf,
} from '@app/deadlines';
import { type NewEvent, SqliteEventStore } from '@app/eventsourcing';
import { addDays, endOfDayInBerlin, SystemClock } from '@app/shared';
import { Cleanup } from './support/cleanup';
import { percentile } from './support/latency';
import { Report } from './support/report';
import { elapsedMs, now } from './support/stopwatch';
import { makeTempDir } from './support/temp-dir';

export const DEADLINES = 100_000;
export const DUE_TOGETHER = 10_000;
/** The bench owns this Redis database: it flushes it (that is the point) and leaves it empty. */
export const BENCH_REDIS_DB = 7;
const WRITERS = 64;

export interface DeadlineBenchOptions {
  deadlines: number;
  dueTogether: number;
  redisDb: number;
  /** A Redis of the bench's own (e.g. a redis-server started for it), instead of 127.0.0.1:6379/<redisDb>. */
  redisUrl?: string;
}

function opened(deadlineId: string, dueDate: string, dueAt: string, openedAt: string): NewEvent {
  const data: DeadlineOpenedData = {
    deadlineId,
    kind: 'esf-report-due',
    programmeId: 'bench',
    subject: { reportId: deadlineId },
    obligedAgs: ['05978000'],
    dueDate,
    lastDay: dueDate,
    dueAt,
    fixed: false,
    reminderOffsetsDays: [14, 7, 1, 0],
    cause: randomUUID(),
    openedAt,
  };
  const eventId = randomUUID();
  return {
    type: 'DeadlineOpened',
    data,
    metadata: {
      eventId,
      schemaVersion: 1,
      occurredAt: openedAt,
      actor: { subject: 'bench', role: 'system' },
      correlationId: eventId,
      causationId: eventId,
    },
  };
}

/** Writes deadlines as the deadline manager would open them, from many writers at once. */
async function openDeadlines(
  store: SqliteEventStore,
  ids: string[],
  event: (id: string, i: number) => NewEvent,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < ids.length) {
        const i = next++;
        await store.appendToStream(`deadline-${ids[i]}`, [event(ids[i], i)], 'no_stream');
      }
    }),
  );
}

/** Far ahead: due on working days of 2030–2032, each with four reminders and its due job. */
function farDeadline(openedAt: string) {
  return (id: string, i: number) => {
    const dueDate = addDays('2030-01-07', (i % 150) * 7);
    return opened(id, dueDate, endOfDayInBerlin(dueDate).toISOString(), openedAt);
  };
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`deadline bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How many distinct seconds the open deadlines' next firings fall in: the jobs grouped firing queues. */
async function instantsOf(worker: DeadlineWorker): Promise<number> {
  await worker.manager.caughtUp(60_000);
  const now = Date.now();
  const instants = new Set<number>();
  for (const d of worker.manager.openDeadlines()) {
    const next = nextFiring(d, now);
    if (next) instants.add(windowOf(Date.parse(next.fireAt)));
  }
  return instants.size;
}

/**
 * With a directory: a V8 CPU profile of this process from shortly before the burst until its last
 * firing is recorded (the opening of 100,000 deadlines before it would swamp a whole-run profile).
 */
function profileBurst(fromMs: number, dir: string | undefined): { stop(): Promise<string | undefined> } {
  if (!dir) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  const started = new Promise<void>((resolve) =>
    setTimeout(
      () =>
        void post('Profiler.enable')
          .then(() => post('Profiler.start'))
          // A profiler that cannot start leaves the bench running without a profile.
          .catch((error: unknown) => console.error('# deadlines: no burst profile:', error))
          .finally(() => resolve()),
      Math.max(0, fromMs - Date.now()),
    ),
  );
  return {
    async stop() {
      await started;
      const stopped = (await post('Profiler.stop').catch(() => undefined)) as
        { profile: unknown } | undefined;
      session.disconnect();
      if (!stopped) return undefined;
      const { profile } = stopped;
      const file = join(dir, `deadline-burst-${Date.now()}.cpuprofile`);
      // As --cpu-prof-dir does for the API's profiles: a directory not there yet is made.
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}

const usedMemory = async (redis: Redis) => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);

/**
 * 100,000 open deadlines in the SQLite store, 10,000 of them due within the same second: how late
 * the burst is recorded (from the due instant to the stored DeadlineMissed, wall clock), how much
 * Redis holds per pending deadline, and how long a worker needs to give every open deadline its
 * jobs again after FLUSHDB.
 */
export async function benchDeadlines(
  cleanup: Cleanup,
  report: Report,
  options: DeadlineBenchOptions = {
    deadlines: DEADLINES,
    dueTogether: DUE_TOGETHER,
    redisDb: BENCH_REDIS_DB,
  },
): Promise<void> {
  const redisUrl = options.redisUrl ?? `redis://127.0.0.1:6379/${options.redisDb}`;
  const redis = new Redis(redisUrl);
  cleanup.add('disconnect bench redis', () => redis.disconnect());
  await redis.flushdb();
  cleanup.add(`flush redis db ${options.redisDb}`, async () => void (await redis.flushdb()));
  const store = new SqliteEventStore(join(makeTempDir('deadlines', cleanup), 'events.sqlite'));
  cleanup.add('close deadline store', () => store.close());
  const clock = new SystemClock();
  const workers: DeadlineWorker[] = [];
  cleanup.add('stop deadline workers', async () => void (await Promise.all(workers.map((w) => w.stop()))));
  const worker = (processFirings: boolean, hooks?: FiringHooks) => {
    const w = new DeadlineWorker({
      store,
      clock,
      redisUrl,
      queuePrefix: 'bench',
      reconcileIntervalMs: 0,
      processFirings,
      concurrency: 100,
      // One job per second of due moments: the burst's 10,000 deadlines share one or two jobs.
      groupFirings: true,
      hooks,
    });
    workers.push(w);
    return w;
  };
  const far = options.deadlines - options.dueTogether;
  const baseline = await usedMemory(redis);

  let started = now();
  const openedAt = clock.nowIso();
  await openDeadlines(
    store,
    Array.from({ length: far }, (_, i) => `far-${i}`),
    farDeadline(openedAt),
  );
  // The burst: due within one second, a lead ahead that leaves a worker time to start.
  const leadMs = Math.max(20_000, 3 * elapsedMs(started));
  const burstAt = Date.now() + leadMs;
  await openDeadlines(
    store,
    Array.from({ length: options.dueTogether }, (_, i) => `burst-${i}`),
    (id, i) => opened(id, '2011-12-15', new Date(burstAt + (i % 1000)).toISOString(), openedAt),
  );
  report.note(
    `deadlines: ${options.deadlines} opened in the store in ${(elapsedMs(started) / 1000).toFixed(1)} s`,
  );

  // From the due instant to its job's start (BullMQ alone), and to each deadline's events stored
  // (the figure): one job fires every deadline due in its second.
  const pickedUp: number[] = [];
  const lateness: number[] = [];
  let jobs = 0;
  // CPU of this process (store, worker and all) from the burst's first job to its last firing:
  // on a shared machine it moves less with the others' load than the wall-clock lateness does.
  let burstCpu: NodeJS.CpuUsage | undefined;
  const firing = worker(true, {
    beforeEffect: (job) => {
      if (Date.parse(job.data.fireAt) >= burstAt - 1000) burstCpu ??= process.cpuUsage();
      jobs++;
      pickedUp.push(Date.now() - Date.parse(job.data.fireAt));
    },
    afterFiring: (fired) => {
      if (fired.firing === 'due') lateness.push(Date.now() - Date.parse(fired.fireAt));
    },
  });
  started = now();
  await firing.start();
  const startSeconds = elapsedMs(started) / 1000;
  report.note(
    `deadlines: worker caught up and scheduled ${options.deadlines} deadlines in ${startSeconds.toFixed(1)} s` +
      (Date.now() > burstAt ? ' — AFTER the burst was due: its lateness includes the start' : ''),
  );
  const profile = profileBurst(burstAt - 300, process.env.BENCH_DEADLINES_CPU_PROF_DIR);
  await waitFor(() => lateness.length >= options.dueTogether, leadMs + 180_000, 'the burst to be recorded');
  const profileFile = await profile.stop();
  if (profileFile) report.note(`deadlines: CPU profile of the burst in ${profileFile}`);
  const cpu = process.cpuUsage(burstCpu);
  report.figure('deadline-burst-cpu-per-firing', (cpu.user + cpu.system) / 1000 / lateness.length, 'ms');
  report.figure('deadline-lateness-p50', percentile(lateness, 50), 'ms');
  report.figure('deadline-lateness-p99', percentile(lateness, 99), 'ms');
  console.log('# goal: deadline-lateness-p99 <= 1000 ms');
  report.note(
    `deadlines: the burst's ${jobs} group jobs started ${percentile(pickedUp, 50)} ms (p50) / ${percentile(pickedUp, 99)} ms (p99) ` +
      'after their due instant; the figures above run until DeadlineMissed and DeadlineEscalated are stored',
  );

  // Back to 100,000 open deadlines, all with their jobs pending.
  await openDeadlines(
    store,
    Array.from({ length: options.dueTogether }, (_, i) => `refill-${i}`),
    farDeadline(openedAt),
  );
  // Grouped, the far deadlines share their seconds: one job per reminder moment and due moment.
  const pendingJobs = await instantsOf(firing);
  await waitFor(
    async () => (await firing.queue.queue.getDelayedCount()) >= pendingJobs,
    120_000,
    'refilled jobs',
  );
  const bytes = (await usedMemory(redis)) - baseline;
  report.figure('redis-bytes-per-deadline', bytes / options.deadlines, 'bytes');
  await firing.stop();

  await redis.flushdb();
  const restarted = worker(false);
  started = now();
  await restarted.start();
  const restartSeconds = elapsedMs(started) / 1000;
  const { catchUpSeconds, reconcileSeconds } = restarted.startTimes;
  if ((await restarted.queue.queue.getDelayedCount()) < pendingJobs)
    throw new Error('reconciliation lost jobs');
  report.figure('reconcile-100k', reconcileSeconds, 's');
  console.log('# goal: reconcile-100k <= 60 s');
  report.note(
    `deadlines: ${options.deadlines} open deadlines wait in ${pendingJobs} group jobs; after FLUSHDB a worker restart took ${restartSeconds.toFixed(1)} s: ` +
      `${catchUpSeconds.toFixed(1)} s reading the store, ${reconcileSeconds.toFixed(1)} s re-adding ${pendingJobs} jobs`,
  );
  await restarted.stop();
}

/**
 * The deadline bench alone: `npx ts-node -r tsconfig-paths/register bench/deadlines.bench.ts`
 * (or `node dist/bench/deadlines.bench.js`). With BENCH_DEADLINES_REDIS_PORT it starts a
 * redis-server of its own on that port and flushes only that one; otherwise Redis database 7.
 */
async function runAlone(): Promise<void> {
  const cleanup = new Cleanup();
  const report = new Report();
  try {
    const port = process.env.BENCH_DEADLINES_REDIS_PORT;
    let redisUrl: string | undefined;
    if (port) {
      const dir = makeTempDir('deadlines-redis', cleanup);
      const server = spawn(
        'redis-server',
        ['--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: 'ignore' },
      );
      cleanup.add('stop the bench redis-server', () => void server.kill('SIGKILL'));
      redisUrl = `redis://127.0.0.1:${port}/0`;
      const probe = new Redis(redisUrl, { maxRetriesPerRequest: null });
      await waitFor(async () => (await probe.ping().catch(() => '')) === 'PONG', 10_000, 'redis-server');
      probe.disconnect();
    }
    await benchDeadlines(cleanup, report, {
      deadlines: DEADLINES,
      dueTogether: DUE_TOGETHER,
      redisDb: BENCH_REDIS_DB,
      redisUrl,
    });
  } finally {
    await cleanup.runAll();
  }
}

if (require.main === module) {
  runAlone().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
