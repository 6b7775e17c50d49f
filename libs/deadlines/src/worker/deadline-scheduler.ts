import type { Queue } from 'bullmq';
import { type Clock, wallMsUntil } from '@app/shared';
import type { KnownDeadline } from '../deadline';
import { type Firing, firingJobId, nextFiring } from '../firings';
import { FIRING_JOB_OPTIONS } from './deadline-queue';

const BULK = 1000;
const PARALLEL_BATCHES = 4;

/** A deadline whose dates cannot be read (a malformed event) is left out, not allowed to stop the rest. */
function nextOf(deadline: KnownDeadline, now: number): Firing[] {
  try {
    const next = nextFiring(deadline, now);
    return next ? [next] : [];
  } catch {
    return [];
  }
}

/**
 * Keeps BullMQ's delayed jobs in line with the deadlines: each open deadline has one job, for its
 * next firing (a reminder or the due moment); a firing queues the one after it. Ids are
 * deterministic, so adding what exists already does nothing. Delays are wall-clock milliseconds
 * converted from the one Clock (accelerated in tests and the demo).
 */
export class DeadlineScheduler {
  constructor(
    private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  /** Adds the next firing of each of these deadlines; returns how many jobs were asked for. */
  async schedule(deadlines: Iterable<KnownDeadline>): Promise<number> {
    const now = this.clock.now().getTime();
    const firings: Firing[] = [];
    for (const deadline of deadlines) firings.push(...nextOf(deadline, now));
    await this.add(firings);
    return firings.length;
  }

  /**
   * Queues what follows a firing that just ran. Never that firing itself: its job is still active,
   * so the id would be taken; reconciliation would notice a gap.
   */
  async scheduleAfter(deadline: KnownDeadline, currentJobId: string): Promise<void> {
    const next = nextOf(deadline, this.clock.now().getTime()).filter((f) => firingJobId(f) !== currentJobId);
    if (next.length > 0) await this.add(next);
  }

  /** Removes queued firings that no longer apply. A job running right now cannot be removed; it fires and does nothing. */
  async unschedule(firings: Firing[]): Promise<void> {
    await Promise.all(firings.map((f) => this.queue.remove(firingJobId(f))));
  }

  /**
   * Reconciliation: every open deadline gets its job (existing ids are left as they are, a lost
   * Redis is filled again), and failed firings that are still needed are retried.
   */
  async reconcile(open: KnownDeadline[]): Promise<{ jobs: number; retried: number }> {
    const now = this.clock.now().getTime();
    const firings = open.flatMap((d) => nextOf(d, now));
    const wanted = new Set(firings.map(firingJobId));
    let retried = 0;
    for (const job of await this.queue.getFailed()) {
      if (job.id && wanted.has(job.id)) {
        await job.retry('failed');
        retried++;
      }
    }
    await this.add(firings);
    return { jobs: firings.length, retried };
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

  /** In batches, a few on the way at once: Redis works on one while the next is being encoded. */
  private async add(firings: Firing[]): Promise<void> {
    const batches: Firing[][] = [];
    for (let i = 0; i < firings.length; i += BULK) batches.push(firings.slice(i, i + BULK));
    let next = 0;
    const lane = async () => {
      while (next < batches.length) await this.addBatch(batches[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, batches.length) }, lane));
  }

  private async addBatch(firings: Firing[]): Promise<void> {
    // BullMQ fires at timestamp + delay; both are taken now, together, or a slow first
    // connection to Redis would postpone every firing by the time it took.
    const timestamp = Date.now();
    await this.queue.addBulk(
      firings.map((firing) => ({
        name: firing.firing,
        data: firing,
        opts: {
          ...FIRING_JOB_OPTIONS,
          jobId: firingJobId(firing),
          timestamp,
          delay: wallMsUntil(this.clock, firing.fireAt),
        },
      })),
    );
  }
}
