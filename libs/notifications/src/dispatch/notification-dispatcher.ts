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
import { DISPATCHER_ACTOR } from './deliver-notification';
import { deadlineAsOf, type DeliveryJobData, planNotifications } from './plan-notifications';

export interface DispatcherOptions {
  checkpointKey: string;
  attempts: number;
  backoffMs: number;
}

const SAVE_CHECKPOINT_EVERY = 500;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * The notification process manager: follows the store from its checkpoint (kept in Redis, which
 * may lose it: a replay from 0 changes nothing) and, for each reminder, missed or escalated
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
  /** Position of the last event handled. */
  position = 0;

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
        const saved = await this.redis.get(this.options.checkpointKey);
        this.position = saved ? Number(saved) : 0;
        this.subscription = this.store.subscribeToAll({ after: this.position }, (e) => this.handle(e));
        await this.subscription.done;
        return;
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

  private async handle(event: RecordedEvent): Promise<void> {
    if (isNotifying(event.type)) {
      await this.dispatch(event);
      this.position = event.position;
      await this.saveCheckpoint();
      return;
    }
    this.position = event.position;
    if (++this.sinceSaved >= SAVE_CHECKPOINT_EVERY) await this.saveCheckpoint();
  }

  private async saveCheckpoint(): Promise<void> {
    this.sinceSaved = 0;
    await this.redis.set(this.options.checkpointKey, String(this.position));
  }

  private async dispatch(cause: RecordedEvent): Promise<void> {
    const facts = deadlineAsOf(await this.store.readStream(cause.streamId, { toRevision: cause.revision }));
    const settings = new Map<string, NotificationSettingsState>();
    for (const ags of recipientsOf(cause as unknown as NoticeCause, facts)) {
      if (ags !== null) settings.set(ags, await this.settingsBefore(ags, cause.position));
    }
    for (const planned of planNotifications(cause, facts, (ags) => settings.get(ags))) {
      await this.store.appendToStream(
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
        'any',
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
