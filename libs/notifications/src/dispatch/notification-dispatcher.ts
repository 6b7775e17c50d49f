import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import {
  type EventStore,
  fold,
  type RecordedEvent,
  SCHEMA_VERSION,
  type Subscription,
} from '@app/eventsourcing';
import type { Clock } from '@app/shared';
import { isNotifying } from '../deadline-facts';
import type { NoticeCause } from '../messages/deadline-message';
import {
  evolveSettings,
  initialSettingsState,
  type NotificationSettingsEvent,
  type NotificationSettingsState,
  notificationStream,
  settingsStream,
} from '../notifications';
import { recipientsOf } from '../recipients';
import { appendOnce } from '@app/eventsourcing';
import { DISPATCHER_ACTOR } from './deliver-notification';
import { deadlineAsOf, type DeliveryJobData, planNotifications } from './plan-notifications';

export interface DispatcherOptions {
  /** Redis key prefix of the checkpoint; the store's identity is appended to it. */
  checkpointKey: string;
  attempts: number;
  backoffMs: number;
}

const SAVE_CHECKPOINT_EVERY = 500;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * The notification process manager: follows the store from its checkpoint (kept in Redis, which
 * may lose it or hold one of another store: a replay from 0 changes nothing, a checkpoint
 * trusted blindly could skip notifications) and, for each reminder, missed or escalated
 * deadline, records the inbox entry, records "queued" per outside channel and adds one BullMQ
 * job per channel. Every id derives from the cause, so it is at-least-once and idempotent: two
 * dispatchers, or one replaying, write the same events and add the same jobs.
 */
export class NotificationDispatcher {
  private readonly logger = new Logger('NotificationDispatcher');
  private subscription?: Subscription;
  private running?: Promise<void>;
  private stopped = false;
  private sinceSaved = 0;
  /** Position of the last event handled, and its id (saved with it, to recognise the store). */
  position = 0;
  private eventIdAtPosition?: string;
  /** Id of the store's first event: the checkpoint's key names it, so another store has another key. */
  private storeIdentity?: string;

  constructor(
    private readonly store: EventStore,
    private readonly queue: Queue<DeliveryJobData>,
    private readonly redis: Redis,
    private readonly clock: Clock,
    private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
    await this.running;
    await this.saveCheckpoint().catch(() => undefined);
  }

  /** Subscribes from the checkpoint; after a failure (store or Redis away) starts again, later. */
  private async run(): Promise<void> {
    let delay = 1000;
    while (!this.stopped) {
      try {
        this.position = await this.checkpoint();
        const from = this.position;
        this.subscription = this.store.subscribeToAll({ after: from }, (e) => this.handle(e));
        await this.subscription.done;
        if (this.stopped) return;
        if (this.position > from) delay = 1000;
        throw new Error('the subscription to the store ended');
      } catch (error) {
        if (this.stopped) return;
        this.logger.error(
          { err: error },
          `notification dispatch stopped at position ${this.position}; retrying in ${delay} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
      }
    }
  }

  /**
   * Where to follow from: the saved position, if it is a whole number, not past the store's
   * head, and the event saved with it is the one at that position; else 0 (a store restored
   * from a backup, a DATA_DIR wiped while Redis kept its keys). Deliveries are idempotent, so
   * starting over costs time, never a duplicate.
   */
  private async checkpoint(): Promise<number> {
    this.storeIdentity ??= (await this.store.readAll({ maxCount: 1 }))[0]?.metadata.eventId;
    if (!this.storeIdentity) return 0;
    const saved = await this.redis.get(this.checkpointKey());
    if (saved === null) return 0;
    const [text, eventId] = saved.split(' ');
    const position = Number(text);
    const head = await this.store.headPosition();
    let wrong: string | undefined;
    if (!Number.isSafeInteger(position) || position < 0) wrong = 'is not a position';
    else if (position > head) wrong = `lies past the store's head ${head}`;
    else if (position > 0) {
      const [at] = await this.store.readAll({ after: position - 1, maxCount: 1 });
      if (at?.position !== position || at.metadata.eventId !== eventId) wrong = 'names another event there';
    }
    if (!wrong) {
      this.eventIdAtPosition = eventId;
      return position;
    }
    this.logger.warn(`the dispatcher's checkpoint "${saved}" ${wrong}: dispatching again from the start`);
    return 0;
  }

  private checkpointKey(): string {
    return `${this.options.checkpointKey}:${this.storeIdentity}`;
  }

  private async handle(event: RecordedEvent): Promise<void> {
    this.storeIdentity ??= event.metadata.eventId;
    if (isNotifying(event.type)) {
      await this.dispatch(event);
      this.advance(event);
      await this.saveCheckpoint();
      return;
    }
    this.advance(event);
    if (++this.sinceSaved >= SAVE_CHECKPOINT_EVERY) await this.saveCheckpoint();
  }

  private advance(event: RecordedEvent): void {
    this.position = event.position;
    this.eventIdAtPosition = event.metadata.eventId;
  }

  private async saveCheckpoint(): Promise<void> {
    this.sinceSaved = 0;
    if (!this.storeIdentity || !this.eventIdAtPosition) return;
    await this.redis.set(this.checkpointKey(), `${this.position} ${this.eventIdAtPosition}`);
  }

  private async dispatch(cause: RecordedEvent): Promise<void> {
    const facts = deadlineAsOf(await this.store.readStream(cause.streamId, { toRevision: cause.revision }));
    const settings = new Map<string, NotificationSettingsState>();
    for (const ags of recipientsOf(cause as unknown as NoticeCause, facts)) {
      if (ags !== null) settings.set(ags, await this.settingsBefore(ags, cause.position));
    }
    for (const planned of planNotifications(cause, facts, (ags) => settings.get(ags))) {
      await appendOnce(
        this.store,
        notificationStream(planned.notificationId),
        planned.events.map(({ eventId, event }) => ({
          type: event.type,
          data: event.data,
          metadata: {
            eventId,
            schemaVersion: SCHEMA_VERSION,
            occurredAt: this.clock.nowIso(),
            actor: DISPATCHER_ACTOR,
            correlationId: cause.metadata.correlationId,
            causationId: cause.metadata.eventId,
          },
        })),
      );
      for (const job of planned.jobs) {
        await this.queue.add(job.data.channel, job.data, {
          jobId: job.jobId,
          attempts: this.options.attempts,
          backoff: { type: 'exponential', delay: this.options.backoffMs },
          removeOnComplete: { age: 14 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        });
      }
    }
  }

  /** The channels as they were when the deadline event happened: a replay plans the same. */
  private async settingsBefore(ags: string, position: number): Promise<NotificationSettingsState> {
    const events = (await this.store.readStream(settingsStream(ags))).filter((e) => e.position < position);
    return fold(
      { evolve: evolveSettings, initialState: initialSettingsState },
      events as unknown as NotificationSettingsEvent[],
    );
  }
}
