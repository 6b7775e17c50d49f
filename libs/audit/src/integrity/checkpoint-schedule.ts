import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type EventStore, storedEvents } from '@app/eventsourcing';
import { type AppConfig, APP_CONFIG, Clock, EVENT_STORE } from '@app/shared';
import { AuditSigningKey } from '../signing/audit-signing-key';
import { CheckpointRecorder } from './checkpoint-recorder';

/**
 * Records an integrity checkpoint at start and then every AUDIT_CHECKPOINT_INTERVAL_SECONDS, one
 * run at a time. A failed run is logged and retried at the next tick.
 */
@Injectable()
export class CheckpointSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IntegrityCheckpoints');
  private readonly recorder: CheckpointRecorder;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    clock: Clock,
    key: AuditSigningKey,
  ) {
    this.recorder = new CheckpointRecorder(storedEvents(store), () => clock.now(), key);
  }

  onApplicationBootstrap(): void {
    const interval = this.config.audit.checkpointIntervalMs;
    if (interval === 0) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), interval);
    this.timer.unref();
  }

  /** Runs one checkpoint now unless one is still running; resolves when that run ends. */
  tick(): Promise<void> {
    this.running ??= this.recorder
      .record()
      .then((data) => {
        if (data) {
          this.logger.log(
            `checkpoint ${data.sequence} at position ${data.position}: ${data.streams} streams, root ${data.merkleRoot}`,
          );
        }
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'integrity checkpoint failed'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
