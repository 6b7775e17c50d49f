import { DelayedError, type Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { type Clock, wallMsPer, wallMsUntil } from '@app/shared';
import type { DeadlineEvent, DeadlineState, KnownDeadline } from '../deadline';
import { FiringTooEarly } from '../firing-too-early';
import { type Firing, firingJobId, type InstantJob, isInstantJob } from '../firings';
import { atMost, DEADLINE_QUEUE_NAME } from './deadline-queue';
import type { DeadlineMetrics } from './deadline-metrics';
import type { DeadlineRecorder, KnownRevision } from './deadline-recorder';

/** Test seams around the effect: e.g. a child process that is killed in the middle of a job. */
export interface FiringHooks {
  beforeEffect?(job: Job<Firing>): Promise<void> | void;
  afterEffect?(job: Job<Firing>, events: DeadlineEvent[]): Promise<void> | void;
  /** After each firing recorded, by its own job or by its instant's (group firing). */
  afterFiring?(firing: Firing, events: DeadlineEvent[]): void;
}

export interface FiringWorkerOptions {
  connection: Redis;
  prefix: string;
  clock: Clock;
  recorder: DeadlineRecorder;
  /** Queues the deadline's next firing once this one is recorded. */
  scheduleNext: (state: KnownDeadline, job: Job<Firing>) => Promise<unknown>;
  /** Group firing: the firings an instant's job fires (each open deadline's next one, if due by then). */
  firingsDueBy?: (instantMs: number, now: number) => Firing[];
  /** Group firing: queues what follows the firings of an instant's job. */
  scheduleNextMany?: (fired: Array<{ deadline: KnownDeadline; after: string }>, job: Job) => Promise<unknown>;
  /** Group firing: an instant's job has fired everything due at it. */
  firedInstant?: (instantMs: number) => void;
  /** The deadline as the manager folded it, with its stream's revision: fired on without reading the stream. */
  known?: (deadlineId: string) => KnownRevision | undefined;
  /** Resolves once the manager has acted on everything stored so far. */
  caughtUp: () => Promise<void>;
  metrics: DeadlineMetrics;
  concurrency?: number;
  /** How long a job's lock lasts without renewal: a killed worker's job is taken over after it. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  hooks?: FiringHooks;
  /**
   * Wall-clock ms after its moment beyond which a firing counts as a catch-up (its moment passed
   * while no worker ran, e.g. at a start after downtime), counted apart from the lateness
   * histogram. Default 60 s.
   */
  catchUpAfterMs?: number;
  onError?: (message: string, error: unknown) => void;
}

/**
 * A firing up to this much business time early is taken as on time (it is recorded at its
 * moment). In business time, so that an accelerated clock (a business minute in a wall-clock
 * millisecond) does not let a reminder out minutes early; a job that comes earlier waits again.
 */
const EARLY_TOLERANCE_BUSINESS_MS = 1000;
/** Wall-clock ms by which a wait must change while a job is moved for it to count as a clock jump. */
const JUMP_NOTICED_MS = 50;
const DEFAULT_CATCH_UP_AFTER_MS = 60_000;
/**
 * Firings of one instant recorded at once. Each decides on its own stream, and the store's group
 * commit writes every append handed to it before it runs in one transaction: up to this many
 * firings share one transaction (one fsync). 64 spent a fifth of a 10,000-firing burst committing;
 * thousands at once hold the event loop and leave the collector large heaps to clear.
 */
const GROUP_LANES = 500;

/**
 * Processes firings. A job records its event, queues the deadline's next firing, and only then
 * completes; if the worker dies in between, BullMQ hands the stalled job to another worker, whose
 * attempt finds the event stored (same derived id) and records nothing more. A job that arrives
 * early waits again.
 */
export class DeadlineFiringWorker {
  private worker?: Worker<Firing>;

  constructor(private readonly options: FiringWorkerOptions) {}

  start(): void {
    const o = this.options;
    this.worker = new Worker<Firing>(DEADLINE_QUEUE_NAME, (job, token) => this.process(job, token), {
      connection: o.connection,
      prefix: o.prefix,
      concurrency: o.concurrency ?? 50,
      lockDuration: o.lockDurationMs ?? 30_000,
      stalledInterval: o.stalledIntervalMs ?? 30_000,
      // A job whose worker died is handed on a few times before it counts as failed.
      maxStalledCount: 5,
    });
    this.worker.on('failed', (job, error) => {
      o.metrics.observeFailure();
      o.onError?.(`firing ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'})`, error);
    });
    this.worker.on('error', (error) => o.onError?.('deadline worker error', error));
  }

  async stop(): Promise<void> {
    // A worker still starting (BullMQ checks the Redis version once connected) ends its start first:
    // closing drops its listeners, and a start that then fails on the closed shared connection would
    // be an unhandled 'error' that ends the process.
    await atMost(5000, this.worker?.waitUntilReady());
    await this.worker?.close();
  }

  private async process(job: Job<Firing>, token?: string): Promise<void> {
    if (isInstantJob(job.data)) return this.processInstant(job as unknown as Job<InstantJob>, token);
    const { clock, recorder, hooks } = this.options;
    const firing = job.data;
    if (Date.parse(firing.fireAt) - clock.now().getTime() > EARLY_TOLERANCE_BUSINESS_MS)
      return this.later(job, firing, token);
    const now = new Date(Math.max(clock.now().getTime(), Date.parse(firing.fireAt))).toISOString();
    await hooks?.beforeEffect?.(job);
    // What was stored before the moment counts: a fulfilment just before it is no miss, and a
    // municipality that just drafted or submitted is reminded, or no longer, accordingly.
    await this.options.caughtUp();
    let outcome: { events: DeadlineEvent[]; state: DeadlineState };
    try {
      outcome = await recorder.fire(job.id as string, firing, now, this.options.known?.(firing.deadlineId));
    } catch (error) {
      if (error instanceof FiringTooEarly) return this.later(job, { fireAt: error.fireAt }, token);
      throw error;
    }
    // Whether or not this firing recorded anything, the chain goes on; a crash before this line
    // is repaired by the job's retry, which records nothing twice and then queues the next.
    if (outcome.state.status !== 'none') await this.options.scheduleNext(outcome.state, job);
    this.observe(firing, outcome.events);
    await hooks?.afterEffect?.(job, outcome.events);
  }

  private observe(firing: Firing, events: DeadlineEvent[]): void {
    const { clock, metrics, hooks } = this.options;
    const latenessMs = wallMsPer(clock, clock.now().getTime() - Date.parse(firing.fireAt));
    metrics.observeFiring(
      firing.firing === 'due' ? 'due' : `reminder-${firing.offsetDays}`,
      latenessMs,
      latenessMs > (this.options.catchUpAfterMs ?? DEFAULT_CATCH_UP_AFTER_MS),
    );
    hooks?.afterFiring?.(firing, events);
  }

  /**
   * Group firing: one job per second of due moments fires every open deadline whose next firing
   * falls in it (or before: one overdue and not yet fired), each at its own moment, many at once
   * so that their appends share the store's commits. Each firing is recorded under its own deadline's job id, as its own job
   * would have been: a retry, an old per-deadline job still queued, or a second worker records
   * nothing twice. One that fails fails the job (after the others): its retry fires what is left.
   */
  private async processInstant(job: Job<InstantJob>, token?: string): Promise<void> {
    const { clock, recorder, hooks } = this.options;
    const instantMs = Date.parse(job.data.fireAt);
    if (instantMs - clock.now().getTime() > EARLY_TOLERANCE_BUSINESS_MS)
      return this.later(job as unknown as Job<Firing>, job.data, token);
    await hooks?.beforeEffect?.(job as unknown as Job<Firing>);
    await this.options.caughtUp();
    // In the order of their moments, each wave once its moment has come: never early.
    const firings = this.options.firingsDueBy?.(instantMs, clock.now().getTime()) ?? [];
    const fired: Array<{ deadline: KnownDeadline; after: string }> = [];
    const events: DeadlineEvent[] = [];
    let failure: unknown;
    let done = 0;
    while (done < firings.length) {
      const wait = wallMsUntil(clock, firings[done].fireAt);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const nowMs = clock.now().getTime();
      let end = done;
      while (end < firings.length && Date.parse(firings[end].fireAt) <= nowMs) end++;
      if (end === done) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      const wave = firings.slice(done, end);
      done = end;
      let next = 0;
      const lane = async () => {
        while (next < wave.length) {
          const firing = wave[next++];
          const now = new Date(Math.max(clock.now().getTime(), Date.parse(firing.fireAt))).toISOString();
          try {
            const outcome = await recorder.fire(
              firingJobId(firing),
              firing,
              now,
              this.options.known?.(firing.deadlineId),
            );
            if (outcome.state.status !== 'none')
              fired.push({ deadline: outcome.state, after: firing.fireAt });
            events.push(...outcome.events);
            this.observe(firing, outcome.events);
          } catch (error) {
            failure ??= error;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(GROUP_LANES, wave.length) }, lane));
    }
    if (fired.length > 0) await this.options.scheduleNextMany?.(fired, job);
    if (failure !== undefined) throw failure;
    this.options.firedInstant?.(instantMs);
    await hooks?.afterEffect?.(job as unknown as Job<Firing>, events);
  }

  /**
   * Back to the delayed set until the moment. A simulated clock may jump between computing the
   * wait and the move, after the jump's own recomputation of delays has run: the wait is checked
   * again once the job is delayed, and set anew if the moment moved.
   */
  private async later(job: Job<Firing>, at: { fireAt: string }, token?: string): Promise<never> {
    const { clock } = this.options;
    const wait = wallMsUntil(clock, at.fireAt);
    await job.moveToDelayed(Date.now() + Math.max(1, wait), token);
    const fresh = wallMsUntil(clock, at.fireAt);
    if (Math.abs(fresh - wait) > JUMP_NOTICED_MS)
      await job.changeDelay(Math.max(1, fresh)).catch(() => undefined);
    throw new DelayedError();
  }
}
