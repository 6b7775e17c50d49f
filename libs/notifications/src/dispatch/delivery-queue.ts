import type { Queue } from 'bullmq';
import type { EventStore, RecordedEvent } from '@app/eventsourcing';
import { type DeliveryChannel, notificationStream } from '../notifications';
import { channelHistory, type ChannelHistory } from './channel-history';
import type { CauseRef, PendingDelivery } from './delivery-ledger';
import type { NoticeNames } from '../messages/name-book';
import { deadlineAsOf, deliveryJobFor, type DeliveryJobData } from './plan-notifications';

export interface DeliveryQueueOptions {
  attempts: number;
  backoffMs: number;
  /**
   * How long an attempt may still be under way after it was recorded (the sender's own time
   * limits, with a margin): after Redis lost a job, its attempt is not taken for dead before.
   */
  attemptBoundMs: Record<DeliveryChannel, number>;
}

/** Job states in which BullMQ will still run the job: the queue holds the work already. */
const WILL_RUN = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

/** A deadline event and its deadline's stream up to it, as stored; undefined if it is not there. */
export async function readCause(
  store: EventStore,
  ref: CauseRef,
): Promise<{ event: RecordedEvent; history: RecordedEvent[] } | undefined> {
  const history = await store.readStream(ref.streamId, { toRevision: ref.revision });
  const event = history.at(-1);
  return event?.metadata.eventId === ref.eventId ? { event, history } : undefined;
}

/** The delivery jobs in BullMQ, added by the dispatcher and, from the store, by reconciliation. */
export class DeliveryQueue {
  constructor(
    private readonly queue: Queue<DeliveryJobData>,
    private readonly store: EventStore,
    private readonly options: DeliveryQueueOptions,
    private readonly names?: NoticeNames,
  ) {}

  async add(jobId: string, data: DeliveryJobData, delay: number): Promise<void> {
    await this.queue.add(data.channel, data, {
      jobId,
      delay,
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: this.options.backoffMs },
      removeOnComplete: { age: 14 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
  }

  /**
   * Adds a delivery's job again unless BullMQ will run it anyway. A job that BullMQ finished
   * while the store has no outcome (its retries ran out on failures the store never heard of,
   * or the store was restored from a backup) is replaced: the store is the truth. Returns
   * whether it added the job.
   */
  async requeue(delivery: PendingDelivery): Promise<boolean> {
    const job = await this.queue.getJob(delivery.jobId);
    if (job && WILL_RUN.has(await job.getState())) return false;
    const history = channelHistory(
      await this.store.readStream(notificationStream(delivery.notificationId)),
      delivery.channel,
    );
    if (history.final) return false;
    const cause = await readCause(this.store, delivery.cause);
    if (!cause) throw new Error(`the deadline event ${delivery.cause.eventId} is not where it was read`);
    if (job) await job.remove();
    const { jobId, data } = deliveryJobFor(
      cause.event,
      deadlineAsOf(cause.history),
      delivery.ags,
      delivery.channel,
      this.names,
    );
    await this.add(jobId, data, this.waitBeforeRetry(history, delivery.channel));
    return true;
  }

  /**
   * An attempt recorded a moment ago may still be under way in a worker that lost its job with
   * Redis: it gets until the sender's time limit. A failed one waits out its backoff as BullMQ
   * would have (BullMQ's own count starts again with the new job).
   */
  private waitBeforeRetry(history: ChannelHistory, channel: DeliveryChannel): number {
    const now = Date.now();
    if (history.unresolvedSince)
      return Math.max(0, Date.parse(history.unresolvedSince) + this.options.attemptBoundMs[channel] - now);
    if (history.lastFailureAt && history.failures > 0) {
      const backoff = this.options.backoffMs * 2 ** (history.failures - 1);
      return Math.max(0, Date.parse(history.lastFailureAt) + backoff - now);
    }
    return 0;
  }
}
