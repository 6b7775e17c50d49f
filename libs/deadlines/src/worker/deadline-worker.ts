import type { EventStore } from '@app/eventsourcing';
import {
  BusinessCalendar,
  type Clock,
  type FollowerHealthState,
  type FollowerThresholds,
  FollowerWatch,
  SimulatedClock,
} from '@app/shared';
import type Redis from 'ioredis';
import { DeadlineFiringWorker, type FiringHooks } from './deadline-firing-worker';
import { DeadlineManager, type ManagerLog, type ManagerStatus } from './deadline-manager';
import { DeadlineMetrics } from './deadline-metrics';
import { atMost, createQueueConnection, DeadlineQueue } from './deadline-queue';
import { DeadlineRecorder } from './deadline-recorder';
import { DeadlineScheduler } from './deadline-scheduler';

export interface DeadlineWorkerOptions {
  store: EventStore;
  clock: Clock;
  redisUrl: string;
  queuePrefix: string;
  calendar?: BusinessCalendar;
  /** 0: no periodic reconciliation (only at start). */
  reconcileIntervalMs?: number;
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** false: manage deadlines and the queue, but fire nothing (e.g. to measure scheduling alone). */
  processFirings?: boolean;
  hooks?: FiringHooks;
  /**
   * One job per due instant, firing every deadline due then in one go (group commits), instead of
   * one job per deadline. Reconciliation moves a queue of per-deadline jobs over to it.
   */
  groupFirings?: boolean;
  /** Wall-clock ms after its moment beyond which a firing counts as a catch-up, not as lateness. Default 60 s. */
  catchUpAfterMs?: number;
  log?: ManagerLog & { info?(message: string): void };
  /** Backoff of the manager's subscription and of run()'s start attempts. Default 1 s doubling to 30 s. */
  retryMs?: { first: number; max: number };
  /** When /health calls the manager stalled or lagging. Default: 1000 events behind, 10 s without progress. */
  health?: FollowerThresholds;
}

/**
 * `following` once started and keeping up; `reconnecting` while its subscription (or its start)
 * is tried again; `stalled` while it stands still behind the store's head (e.g. an effect waits
 * for an absent Redis); `lagging` while more events than allowed are between it and the head.
 */
export type WorkerState = FollowerHealthState;

/** What /health shows of the deadline worker: whether deadlines can fire, and why not. */
export interface DeadlineWorkerHealth {
  status: 'up' | 'down';
  state: WorkerState;
  since: string;
  position: number;
  head?: number;
  behind?: number;
  stalledSince?: string;
  /** Whether the queue's Redis answers: without it nothing is scheduled and nothing fires. */
  queue: 'up' | 'down';
  /** The name of the last error only; the message is in the log (/health needs no token). */
  lastError?: { name: string; at: string };
  restarts: number;
  skippedEvents: number;
  lastSkippedEvent?: { eventId: string; type: string; position: number };
  skippedDeadlines: number;
}

const silent: ManagerLog = { error: () => undefined };

/**
 * The worker side of deadlines in one piece, free of Nest: the process manager, the scheduler,
 * the firing processor and periodic reconciliation. apps/worker runs it, the API runs it for the
 * embedded default, and tests run several at once or kill one in a child process.
 */
export class DeadlineWorker {
  readonly metrics = new DeadlineMetrics();
  readonly queue: DeadlineQueue;
  readonly manager: DeadlineManager;
  readonly scheduler: DeadlineScheduler;
  private readonly firings?: DeadlineFiringWorker;
  private readonly workerConnection?: Redis;
  private timer?: NodeJS.Timeout;
  private reconciling?: Promise<unknown>;
  private unsubscribeJumps?: () => void;
  private stopped = false;
  private readonly watch: FollowerWatch;

  constructor(private readonly options: DeadlineWorkerOptions) {
    const log = options.log ?? silent;
    this.watch = new FollowerWatch(options.health);
    this.queue = new DeadlineQueue({ redisUrl: options.redisUrl, prefix: options.queuePrefix });
    this.scheduler = new DeadlineScheduler(
      this.queue.queue,
      options.clock,
      log,
      options.groupFirings ?? false,
    );
    const recorder = new DeadlineRecorder(options.store);
    this.manager = new DeadlineManager(
      options.store,
      options.calendar ?? new BusinessCalendar(),
      recorder,
      this.scheduler,
      log,
      options.retryMs,
    );
    if (options.processFirings !== false) {
      this.workerConnection = createQueueConnection(options.redisUrl);
      this.firings = new DeadlineFiringWorker({
        connection: this.workerConnection,
        prefix: options.queuePrefix,
        clock: options.clock,
        recorder,
        scheduleNext: (state, job) => this.scheduler.scheduleAfter(state, job.data, job.id as string),
        firingsDueBy: (instantMs, now) =>
          this.scheduler.firingsDueBy(
            () => this.manager.openDeadlines(),
            (id) => this.manager.state.deadlines.get(id),
            instantMs,
            now,
          ),
        scheduleNextMany: async (fired, job) => {
          await this.scheduler.scheduleAfterMany(fired, job.id as string);
        },
        firedInstant: (instantMs) => this.scheduler.firedInstant(instantMs),
        known: (deadlineId) => this.manager.knownRevision(deadlineId),
        caughtUp: () => this.manager.caughtUp(),
        metrics: this.metrics,
        concurrency: options.concurrency,
        lockDurationMs: options.lockDurationMs,
        stalledIntervalMs: options.stalledIntervalMs,
        hooks: options.hooks,
        catchUpAfterMs: options.catchUpAfterMs,
        onError: (message, error) => log.error(message, error),
      });
    }
  }

  /** How long the last start took to read the store and to give every open deadline its jobs. */
  startTimes = { catchUpSeconds: 0, reconcileSeconds: 0 };
  private running = false;
  private startFailure?: { error: unknown; since: Date };

  /**
   * Catches up, reconciles, then fires; resolves once the first reconciliation is done, rejects
   * if the store cannot be followed (call it again, or use run()). While Redis is unreachable it
   * waits for it (the store is followed meanwhile); stop() ends the wait.
   */
  async start(): Promise<void> {
    const started = Date.now();
    await this.manager.start();
    const caughtUp = Date.now();
    await this.reconcile();
    if (this.stopped || this.running) return;
    this.running = true;
    this.startFailure = undefined;
    this.startTimes = {
      catchUpSeconds: (caughtUp - started) / 1000,
      reconcileSeconds: (Date.now() - caughtUp) / 1000,
    };
    this.firings?.start();
    const interval = this.options.reconcileIntervalMs ?? 300_000;
    if (interval > 0) {
      this.timer = setInterval(() => void this.reconcile().catch(() => undefined), interval);
      this.timer.unref();
    }
    const { clock } = this.options;
    if (clock instanceof SimulatedClock) {
      this.unsubscribeJumps = clock.onJump(
        () => void this.scheduler.recomputeDelays().catch(() => undefined),
      );
    }
  }

  /**
   * For long-running processes: start(), and after a failed start try again with backoff until
   * it runs or stop() is called. Each failure is reported to `onFailure` and shown on /health.
   */
  async run(onFailure?: (error: unknown, retryInMs: number) => void): Promise<void> {
    const { first, max } = this.options.retryMs ?? { first: 1000, max: 30_000 };
    let delay = first;
    while (!this.stopped) {
      try {
        await this.start();
        return;
      } catch (error) {
        if (this.stopped) return;
        this.startFailure ??= { error, since: new Date() };
        this.startFailure.error = error;
        onFailure?.(error, delay);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        delay = Math.min(delay * 2, max);
      }
    }
  }

  /** Whether deadlines can fire now, and why not: judged against the store's head, not taken on its word. */
  async health(): Promise<DeadlineWorkerHealth> {
    const manager: ManagerStatus = this.manager.status();
    const head = await this.options.store.headPosition().catch(() => undefined);
    const failure = this.startFailure;
    const own = this.stopped
      ? 'stopped'
      : manager.state === 'reconnecting' || failure
        ? 'reconnecting'
        : this.running
          ? 'following'
          : 'starting';
    const verdict = this.watch.judge({
      state: own,
      position: manager.position,
      head,
      busySince: manager.busySince,
    });
    const queue = this.queue.reachable ? 'up' : 'down';
    const lastError = failure
      ? { name: (failure.error as Error)?.name ?? 'Error', at: failure.since.toISOString() }
      : manager.lastError && { name: manager.lastError.name, at: manager.lastError.at };
    const { skippedDeadlines } = this.scheduler.trouble;
    return {
      status: verdict.status === 'up' && queue === 'up' ? 'up' : 'down',
      state: verdict.state,
      since: failure?.since.toISOString() ?? manager.since,
      position: manager.position,
      ...(verdict.head !== undefined ? { head: verdict.head, behind: verdict.behind } : {}),
      ...(verdict.stalledSince ? { stalledSince: verdict.stalledSince } : {}),
      queue,
      ...(lastError ? { lastError } : {}),
      restarts: manager.restarts,
      skippedEvents: manager.skippedEvents,
      ...(manager.lastSkippedEvent
        ? {
            lastSkippedEvent: {
              eventId: manager.lastSkippedEvent.eventId,
              type: manager.lastSkippedEvent.type,
              position: manager.lastSkippedEvent.position,
            },
          }
        : {}),
      skippedDeadlines,
    };
  }

  /** This process's measurements in the Prometheus text format (queue depth comes from Redis). */
  renderMetrics(): string {
    const manager = this.manager.status();
    return this.metrics.render({
      managerUp: manager.state === 'following' && !this.stopped,
      position: manager.position,
      restarts: manager.restarts,
      skippedEvents: manager.skippedEvents,
      effectFailures: manager.effectFailures,
      ...this.scheduler.trouble,
    });
  }

  /** One reconciliation at a time; a call during a running one waits for it. */
  async reconcile(): Promise<{ effects: number; jobs: number; retried: number; removed: number }> {
    if (this.stopped) return { effects: 0, jobs: 0, retried: 0, removed: 0 };
    if (!this.reconciling) {
      const started = Date.now();
      this.reconciling = this.manager
        .reconcile()
        .then((result) => {
          this.metrics.observeReconciliation((Date.now() - started) / 1000);
          this.metrics.openDeadlines = this.manager.openDeadlines().length;
          return result;
        })
        .catch((error: unknown) => {
          this.options.log?.error('deadline reconciliation failed', error);
          throw error;
        })
        .finally(() => (this.reconciling = undefined));
    }
    return this.reconciling as Promise<{ effects: number; jobs: number; retried: number; removed: number }>;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribeJumps?.();
    const grace = this.queue.reachable ? 1 : 0;
    await atMost(10_000 * grace, this.firings?.stop());
    await atMost(5000 * grace, this.reconciling);
    await this.manager.stop();
    await this.queue.close();
    this.workerConnection?.disconnect();
  }
}
