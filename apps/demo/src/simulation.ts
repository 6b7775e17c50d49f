import type { INestApplication } from '@nestjs/common';
import { type Queue, Queue as BullQueue } from 'bullmq';
import Redis from 'ioredis';
import { DEADLINE_WORKER, type DeadlineWorker } from '@app/deadlines';
import type { EventStore, RecordedEvent } from '@app/eventsourcing';
import { NOTIFICATIONS_QUEUE } from '@app/notifications';
import type { SimulatedClock } from '@app/shared';

const FIRED = new Set(['DeadlineReminderIssued', 'DeadlineMissed', 'CallClosed']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives business time through the real worker: the deadline manager reads the store, BullMQ
 * holds one delayed job per open deadline, and firings append their events. Between the demo's
 * steps the clock jumps from one scheduled firing to the next, so every reminder fires at its own
 * moment without waiting through the empty days in between.
 */
export class Simulation {
  private readonly worker: DeadlineWorker;
  private readonly notifications: Queue;
  private readonly connection: Redis;
  firings = 0;
  private seen = 0;
  /** Told of the deadline events each firing moment produced (reminders, misses, closings). */
  onFired?: (events: RecordedEvent[]) => void;

  constructor(
    app: INestApplication,
    private readonly store: EventStore,
    readonly clock: SimulatedClock,
    redisUrl: string,
    prefix: string,
  ) {
    this.worker = app.get<DeadlineWorker>(DEADLINE_WORKER, { strict: false });
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.notifications = new BullQueue(NOTIFICATIONS_QUEUE, { connection: this.connection, prefix });
  }

  /**
   * Moves business time forward to `instant`, firing every deadline job due on the way, in order,
   * each at its own business moment.
   */
  async at(instant: string): Promise<void> {
    const target = Date.parse(instant);
    for (;;) {
      await this.settle();
      const next = await this.nextFiring();
      if (next === undefined || next > target) break;
      if (next > this.clock.now().getTime()) this.clock.set(new Date(next));
      this.firings += 1;
      await this.settle();
      await this.report();
    }
    if (target > this.clock.now().getTime()) this.clock.set(new Date(target));
    await this.settle();
  }

  private async report(): Promise<void> {
    const fresh = await this.store.readAll({ after: this.seen });
    if (fresh.length > 0) this.seen = fresh[fresh.length - 1].position;
    const fired = fresh.filter((e) => FIRED.has(e.type));
    if (fired.length > 0) this.onFired?.(fired);
  }

  /** The earliest business moment any deadline job waits for. */
  private async nextFiring(): Promise<number | undefined> {
    const delayed = await this.worker.queue.queue.getDelayed(0, -1);
    let earliest: number | undefined;
    for (const job of delayed) {
      const at = Date.parse((job.data as { fireAt: string }).fireAt);
      if (earliest === undefined || at < earliest) earliest = at;
    }
    return earliest;
  }

  /**
   * Waits until the deadline manager has read the whole store, nothing is due or running in
   * either queue, and that holds for a few polls in a row.
   */
  async settle(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 3) {
      if (Date.now() > until) throw new Error('the worker did not settle within a minute');
      await sleep(25);
      quiet = (await this.isQuiet()) ? quiet + 1 : 0;
    }
  }

  private async isQuiet(): Promise<boolean> {
    const head = await this.store.headPosition();
    if (this.worker.manager.position < head) return false;
    const now = this.clock.now().getTime();
    const deadlineCounts = await this.worker.queue.queue.getJobCounts('waiting', 'active', 'prioritized');
    if (Object.values(deadlineCounts).some((n) => n > 0)) return false;
    const delayed = await this.worker.queue.queue.getDelayed(0, -1);
    if (delayed.some((job) => Date.parse((job.data as { fireAt: string }).fireAt) <= now)) return false;
    const notificationCounts = await this.notifications.getJobCounts('waiting', 'active', 'prioritized');
    return Object.values(notificationCounts).every((n) => n === 0);
  }

  async close(): Promise<void> {
    await this.notifications.close();
    this.connection.disconnect();
  }
}
