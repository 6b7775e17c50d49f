import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { type Clock, SimulatedClock, wallMsUntil } from '@app/shared';
import type { KnownDeadline } from '../deadline';
import {
  type Firing,
  firingJobId,
  GROUP_WINDOW_MS,
  type InstantJob,
  instantJobId,
  nextFiring,
  windowOf,
} from '../firings';
import { FIRING_JOB_OPTIONS } from './deadline-queue';

const BULK = 1000;
const PARALLEL_BATCHES = 4;
/** A queued firing off by less than this (business time) is left as it is. */
const DELAY_TOLERANCE_BUSINESS_MS = 60_000;
const DELAY_TOLERANCE_MIN_WALL_MS = 20;
/**
 * With group firing, a firing closer than this (business time) gets a job of its own: an instant's
 * job may already be running (a job is taken up to 1 s early), and a deadline that joins its
 * instant then must not wait for the next reconciliation.
 */
const IMMINENT_BUSINESS_MS = 2000;

type JobData = Firing | InstantJob;

export interface SchedulerLog {
  error(message: string, error?: unknown): void;
}

/** What reconciliations could not do, for /metrics and /health. */
export interface SchedulerTrouble {
  /** Open deadlines left without a job because their dates cannot be read. */
  skippedDeadlines: number;
  lastSkippedDeadline?: string;
  /** Failed jobs whose retry was refused by Redis. */
  retryFailures: number;
  /** Queued jobs whose delay was found wrong and set again. */
  delaysCorrected: number;
  /** Delayed jobs removed by reconciliation: their deadline is no longer open (met, withdrawn, cancelled, missed). */
  staleJobsRemoved: number;
}

/** The deadline a job id (`deadline|<deadlineId>|…`, see firingJobId) belongs to. */
export function deadlineOfJob(jobId: string): string | undefined {
  const [kind, deadlineId] = jobId.split('|');
  return kind === 'deadline' && deadlineId ? deadlineId : undefined;
}

/**
 * Keeps BullMQ's delayed jobs in line with the deadlines: each open deadline has one job, for its
 * next firing (a reminder or the due moment); a firing queues the one after it. Ids are
 * deterministic, so adding what exists already does nothing. Delays are wall-clock milliseconds
 * converted from the one Clock (accelerated in tests and the demo).
 */
export class DeadlineScheduler {
  readonly trouble: SchedulerTrouble = {
    skippedDeadlines: 0,
    retryFailures: 0,
    delaysCorrected: 0,
    staleJobsRemoved: 0,
  };

  constructor(
    private readonly queue: Queue,
    private readonly clock: Clock,
    private readonly log: SchedulerLog = { error: () => undefined },
    /** One job per due instant (firing every deadline due then in one go) instead of one per deadline. */
    readonly grouped = false,
  ) {}

  /** The job each firing needs: its own, or (grouped, not imminent) its instant's, one per id. */
  private jobsFor(firings: Firing[], now: number): Map<string, JobData> {
    const jobs = new Map<string, JobData>();
    for (const firing of firings) {
      const at = Date.parse(firing.fireAt);
      if (this.grouped && at - now > IMMINENT_BUSINESS_MS) {
        const window = windowOf(at);
        const fireAt = new Date(window).toISOString();
        jobs.set(instantJobId(fireAt), { instant: true, fireAt });
        let waiting = this.waiting.get(window);
        if (!waiting) this.waiting.set(window, (waiting = new Set()));
        waiting.add(firing.deadlineId);
      } else jobs.set(firingJobId(firing), firing);
    }
    return jobs;
  }

  /** Grouped: which deadlines were given an instant's job, by instant (checked again when it fires). */
  private readonly waiting = new Map<number, Set<string>>();

  /**
   * The firings an instant's job fires: each open deadline's next firing, if due before the end
   * of the window that begins at `instantMs`.
   * The deadlines this process queued for the instant are looked at; only for an instant it knows
   * nothing of (queued by another process before this one reconciled) are all open ones.
   */
  firingsDueBy(
    open: () => Iterable<KnownDeadline>,
    lookup: (deadlineId: string) => KnownDeadline | undefined,
    instantMs: number,
    now: number,
  ): Firing[] {
    const ids = this.waiting.get(instantMs);
    const candidates = ids
      ? [...ids].map(lookup).filter((d): d is KnownDeadline => d?.status === 'open')
      : open();
    const due: Firing[] = [];
    const end = instantMs + GROUP_WINDOW_MS - 1;
    const at = Math.max(now, end);
    for (const deadline of candidates) {
      const [next] = this.nextOf(deadline, at);
      if (next && Date.parse(next.fireAt) <= end) due.push(next);
    }
    return due.sort((a, b) => Date.parse(a.fireAt) - Date.parse(b.fireAt));
  }

  /** An instant's job has fired everything due at it. */
  firedInstant(instantMs: number): void {
    this.waiting.delete(instantMs);
  }

  /** Queues what follows the firings of an instant's job (see scheduleAfter). */
  async scheduleAfterMany(
    fired: Array<{ deadline: KnownDeadline; after: string }>,
    currentJobId: string,
  ): Promise<void> {
    const now = this.clock.now().getTime();
    const next = fired.flatMap(({ deadline, after }) => this.nextOf(deadline, now, after));
    const jobs = this.jobsFor(next, now);
    jobs.delete(currentJobId);
    if (jobs.size > 0) await this.addJobs(jobs);
  }

  /** Adds the next firing of each of these deadlines; returns how many jobs were asked for. */
  async schedule(deadlines: Iterable<KnownDeadline>): Promise<number> {
    const now = this.clock.now().getTime();
    const firings: Firing[] = [];
    for (const deadline of deadlines) firings.push(...this.nextOf(deadline, now));
    await this.add(firings);
    return firings.length;
  }

  /**
   * Queues what follows a firing that just ran: a firing planned after it, so that a reminder
   * that went to nobody (all done meanwhile) does not stop the chain. Never that firing itself:
   * its job is still active, so the id would be taken.
   */
  async scheduleAfter(deadline: KnownDeadline, current: Firing, currentJobId: string): Promise<void> {
    const now = this.clock.now().getTime();
    const jobs = this.jobsFor(this.nextOf(deadline, now, current.fireAt), now);
    jobs.delete(currentJobId);
    if (jobs.size > 0) await this.addJobs(jobs);
  }

  /** Removes queued firings that no longer apply. A job running right now cannot be removed; it fires and does nothing. */
  async unschedule(firings: Firing[]): Promise<void> {
    await Promise.all(firings.map((f) => this.queue.remove(firingJobId(f))));
  }

  /**
   * Whether a deadline waits for the very same next firing (same moment, same kind) after a change
   * as before it: then the job queued for it stands as it is (another municipality obliged by a
   * call's closing that already had its reminders, say).
   */
  sameNextFiring(before: KnownDeadline, after: KnownDeadline): boolean {
    const now = this.clock.now().getTime();
    const [was] = this.nextOf(before, now);
    const [next] = this.nextOf(after, now);
    return (
      was !== undefined &&
      next !== undefined &&
      firingJobId(was) === firingJobId(next) &&
      was.fireAt === next.fireAt
    );
  }

  /** Removes the job a deadline waited for before, if it waits for another one now. */
  async unscheduleReplaced(before: KnownDeadline, after: KnownDeadline): Promise<void> {
    const now = this.clock.now().getTime();
    const [was] = this.nextOf(before, now);
    const [next] = this.nextOf(after, now);
    if (was && next && firingJobId(was) !== firingJobId(next)) await this.unschedule([was]);
  }

  /**
   * Reconciliation: every open deadline gets its job (a lost Redis is filled again), a queued job
   * whose delay is off (a clock jump raced with it) waits again for its own moment, failed
   * firings that are still needed are retried, and delayed jobs of deadlines no longer open are
   * removed (`lookup` tells what the store says of a deadline now). One job Redis refuses stops
   * nothing else.
   */
  async reconcile(
    open: KnownDeadline[],
    lookup?: (deadlineId: string) => KnownDeadline | undefined,
  ): Promise<{ jobs: number; retried: number; removed: number }> {
    const now = this.clock.now().getTime();
    const firings = open.flatMap((d) => this.nextOf(d, now));
    const wanted = this.jobsFor(firings, now);
    let retried = 0;
    for (const job of await this.queue.getFailed()) {
      if (!job.id || !wanted.has(job.id)) continue;
      try {
        await job.retry('failed');
        retried++;
      } catch (error) {
        this.trouble.retryFailures++;
        this.log.error(`reconciliation could not retry firing ${job.id}`, error);
      }
    }
    await this.addJobs(wanted);
    await this.correctDelays(wanted);
    const removed = lookup ? await this.removeStale(wanted, open, lookup) : 0;
    return { jobs: firings.length, retried, removed };
  }

  /**
   * Removes delayed jobs that no open deadline waits for: a deadline met, withdrawn, cancelled or
   * missed (or one the store does not know) keeps no job waiting for years. A deadline is judged
   * again after its job is removed: one opened meanwhile (its own add found the job still there)
   * gets its job back, so nothing that is needed stays removed.
   */
  private async removeStale(
    wanted: Map<string, JobData>,
    open: KnownDeadline[],
    lookup: (deadlineId: string) => KnownDeadline | undefined,
  ): Promise<number> {
    const client = (await this.queue.client) as unknown as Redis;
    const ids = await client.zrange(this.queue.keys.delayed, 0, -1);
    // Grouped, a deadline's own job of a firing not imminent is an old one (from before group
    // firing, or from before an extension): its instant's job fires it now.
    const stale = ids.filter((id) => {
      if (wanted.has(id)) return false;
      if (this.grouped && id.startsWith('instant|')) return true;
      const deadlineId = deadlineOfJob(id);
      return deadlineId !== undefined && (this.grouped || lookup(deadlineId)?.status !== 'open');
    });
    let removed = 0;
    for (let i = 0; i < stale.length; i += BULK) {
      const results = await Promise.all(
        stale.slice(i, i + BULK).map((id) =>
          this.queue
            .remove(id)
            .then((n) => n === 1)
            .catch(() => false),
        ),
      );
      removed += results.filter(Boolean).length;
    }
    this.trouble.staleJobsRemoved += removed;
    const reopened = new Set(
      stale
        .map((id) => deadlineOfJob(id))
        .filter((id) => id !== undefined)
        .map((id) => lookup(id))
        .filter((d) => d?.status === 'open'),
    );
    if (reopened.size > 0) await this.schedule(reopened as Set<KnownDeadline>);
    // An instant removed while a deadline joined it gets its job back.
    if (stale.some((id) => id.startsWith('instant|'))) {
      const now = this.clock.now().getTime();
      const again = this.jobsFor(
        open.filter((d) => d.status === 'open').flatMap((d) => this.nextOf(d, now)),
        now,
      );
      const back = new Map([...again].filter(([id]) => stale.includes(id)));
      if (back.size > 0) await this.addJobs(back);
    }
    return removed;
  }

  /** After a jump of a simulated clock: every delayed job waits again for its own moment. */
  async recomputeDelays(): Promise<void> {
    // All at once: a job whose moment has come leaves the delayed set, which would shift pages.
    const jobs = await this.queue.getDelayed(0, -1);
    for (let i = 0; i < jobs.length; i += BULK) {
      await Promise.all(
        jobs
          .slice(i, i + BULK)
          .map((job) =>
            job.changeDelay(wallMsUntil(this.clock, (job.data as Firing).fireAt)).catch(() => undefined),
          ),
      );
    }
  }

  /**
   * Sets the delay again of each wanted job that would fire at another wall-clock moment than its
   * firing's: adding a job whose id exists changes nothing, so only this repairs a wrong delay.
   * BullMQ keeps the moment in the delayed set's score (ms × 4096), not in the job's fields.
   */
  private async correctDelays(wanted: Map<string, JobData>): Promise<void> {
    const client = (await this.queue.client) as unknown as Redis;
    const scored = await client.zrange(this.queue.keys.delayed, 0, -1, 'WITHSCORES');
    const speed = this.clock instanceof SimulatedClock ? this.clock.speed : 1;
    const tolerance = Math.max(DELAY_TOLERANCE_MIN_WALL_MS, DELAY_TOLERANCE_BUSINESS_MS / speed);
    const fixes: Promise<void>[] = [];
    for (let i = 0; i < scored.length; i += 2) {
      const firing = wanted.get(scored[i]);
      if (!firing) continue;
      const queuedAt = Math.floor(Number(scored[i + 1]) / 0x1000);
      const delay = wallMsUntil(this.clock, firing.fireAt);
      if (Math.abs(queuedAt - (Date.now() + delay)) <= tolerance) continue;
      this.trouble.delaysCorrected++;
      fixes.push(
        this.queue
          .getJob(scored[i])
          .then((job) => job?.changeDelay(delay))
          // Taken by a worker meanwhile: it checks the moment itself.
          .catch(() => undefined),
      );
    }
    await Promise.all(fixes);
  }

  /** A deadline whose dates cannot be read (a malformed event) is left out, counted and logged, not allowed to stop the rest. */
  private nextOf(deadline: KnownDeadline, now: number, after?: string): Firing[] {
    try {
      const next = nextFiring(deadline, now, after);
      return next ? [next] : [];
    } catch (error) {
      this.trouble.skippedDeadlines++;
      this.trouble.lastSkippedDeadline = deadline.deadline.deadlineId;
      this.log.error(
        `deadline ${deadline.deadline.deadlineId} cannot be scheduled: its dates cannot be read`,
        error,
      );
      return [];
    }
  }

  private add(firings: Firing[]): Promise<void> {
    return this.addJobs(this.jobsFor(firings, this.clock.now().getTime()));
  }

  /** In batches, a few on the way at once: Redis works on one while the next is being encoded. */
  private async addJobs(jobs: Map<string, JobData>): Promise<void> {
    const all = [...jobs];
    const batches: Array<Array<[string, JobData]>> = [];
    for (let i = 0; i < all.length; i += BULK) batches.push(all.slice(i, i + BULK));
    let next = 0;
    const lane = async () => {
      while (next < batches.length) await this.addBatch(batches[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, batches.length) }, lane));
  }

  private async addBatch(jobs: Array<[string, JobData]>): Promise<void> {
    // BullMQ fires at timestamp + delay; both are taken now, together, or a slow first
    // connection to Redis would postpone every firing by the time it took.
    const timestamp = Date.now();
    await this.queue.addBulk(
      jobs.map(([jobId, data]) => ({
        name: 'instant' in data ? 'instant' : data.firing,
        data,
        opts: {
          ...FIRING_JOB_OPTIONS,
          jobId,
          timestamp,
          delay: wallMsUntil(this.clock, data.fireAt),
        },
      })),
    );
  }
}
