import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { EventStore } from '@app/eventsourcing';
import { type AppConfig, APP_CONFIG, Clock, EVENT_STORE } from '@app/shared';
import { createMailSender, type MailSender } from './dispatch/email-sender';
import { deliverNotification } from './dispatch/deliver-notification';
import { NotificationDispatcher } from './dispatch/notification-dispatcher';
import type { DeliveryJobData } from './dispatch/plan-notifications';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from './notifications-config';
import { notificationsProviders } from './notifications-providers';
import { SecretBox } from './secret-box';

export const NOTIFICATIONS_QUEUE = 'notifications';
const WORKER_OPTIONS = Symbol('NotificationsWorkerOptions');

export interface NotificationsWorkerOptions {
  /** BullMQ key prefix; tests use a unique one per test. Default: QUEUE_PREFIX of the app config. */
  queuePrefix?: string;
  /** Where NOTIFICATIONS_SECRET_KEY, SMTP_URL, MAIL_FROM, WEBHOOK_* … come from. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Parallel deliveries per worker process. Default 5. */
  concurrency?: number;
}

/** Runs the dispatcher and the delivery worker for the life of the worker process. */
export class NotificationsWorkerRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private redis?: Redis;
  private queue?: Queue<DeliveryJobData>;
  private worker?: Worker<DeliveryJobData>;
  private mail?: MailSender;
  dispatcher?: NotificationDispatcher;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(WORKER_OPTIONS) private readonly options: NotificationsWorkerOptions,
    private readonly clock: Clock,
    private readonly secrets: SecretBox,
  ) {}

  onApplicationBootstrap(): void {
    const prefix = this.options.queuePrefix ?? this.app.queuePrefix ?? 'kkz';
    // BullMQ needs a connection that waits for Redis instead of failing commands.
    this.redis = new Redis(this.app.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    this.queue = new Queue<DeliveryJobData>(NOTIFICATIONS_QUEUE, { connection: this.redis, prefix });
    this.mail = createMailSender(this.config.mail, this.config.mailFrom);
    const deps = {
      store: this.store,
      clock: this.clock,
      secrets: this.secrets,
      mail: this.mail,
      webhookTimeoutMs: this.config.webhookTimeoutMs,
      allowPrivateWebhooks: this.config.allowPrivateWebhooks,
    };
    this.worker = new Worker<DeliveryJobData>(NOTIFICATIONS_QUEUE, (job) => deliverNotification(job, deps), {
      connection: this.redis,
      prefix,
      concurrency: this.options.concurrency ?? 5,
    });
    this.worker.on('error', (error) => this.logger.warn(`delivery worker: ${error.message}`));
    this.dispatcher = new NotificationDispatcher(this.store, this.queue, this.redis, this.clock, {
      checkpointKey: `${prefix}:${NOTIFICATIONS_QUEUE}:dispatcher-checkpoint`,
      attempts: this.config.attempts,
      backoffMs: this.config.backoffMs,
    });
    this.dispatcher.start();
    const mail = this.config.mail.kind === 'smtp' ? 'SMTP' : `files in ${this.config.mail.dir}`;
    this.logger.log(`notifications: dispatching deadline events; e-mail as ${mail}`);
  }

  /** Before the store closes (that happens at application shutdown, after this). */
  async onModuleDestroy(): Promise<void> {
    await this.dispatcher?.stop();
    await this.worker?.close();
    await this.queue?.close();
    this.mail?.close();
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

/**
 * The worker side of notifications: import it into the worker's module with
 * `NotificationsWorkerModule.forRoot()`. It needs the global EventSourcingModule (store, clock,
 * app config) and Redis at REDIS_URL.
 */
@Module({})
export class NotificationsWorkerModule {
  static forRoot(options: NotificationsWorkerOptions = {}): DynamicModule {
    return {
      module: NotificationsWorkerModule,
      providers: [
        ...notificationsProviders('worker', options.env ?? process.env),
        { provide: WORKER_OPTIONS, useValue: options },
        NotificationsWorkerRuntime,
      ],
      exports: [NotificationsWorkerRuntime],
    };
  }
}
