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
import {
  type AppConfig,
  APP_CONFIG,
  Clock,
  EVENT_STORE,
  MunicipalityRegistry,
  type FollowerVerdict,
  FollowerWatch,
  HEALTH_CHECKS,
  type HealthChecks,
  registerHealthCheck,
} from '@app/shared';
import { deliverNotification, oneAtATime } from './dispatch/deliver-notification';
import { DeliveryWorkers } from './dispatch/delivery-workers';
import { createMailSender, type MailSender, SMTP_ATTEMPT_BOUND_MS } from './dispatch/email-sender';
import { NotificationDispatcher } from './dispatch/notification-dispatcher';
import type { DeliveryJobData } from './dispatch/plan-notifications';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from './notifications-config';
import { notificationsProviders } from './notifications-providers';
import { SecretBox } from './secret-box';

export const NOTIFICATIONS_QUEUE = 'notifications';
const WORKER_OPTIONS = Symbol('NotificationsWorkerOptions');
const NOTIFICATIONS_HEALTH = Symbol('NotificationsHealth');
/** Added to a sender's own time limit: how long after its record an attempt may still be under way. */
const ATTEMPT_MARGIN_MS = 5000;

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
  private starting?: Promise<void>;
  dispatcher?: NotificationDispatcher;
  workers?: DeliveryWorkers;
  private readonly watch: FollowerWatch;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(WORKER_OPTIONS) private readonly options: NotificationsWorkerOptions,
    private readonly clock: Clock,
    private readonly secrets: SecretBox,
  ) {
    this.watch = new FollowerWatch(app.followerHealth);
  }

  /**
   * What /health shows of the dispatcher: its state, position and how far behind the store's head
   * it is; `stalled` while it stands still behind the head (a delivery job waits for Redis, say).
   */
  async health(): Promise<
    FollowerVerdict & { queue: 'up' | 'down'; restarts: number; lastError?: { name: string; at: string } }
  > {
    const own = this.dispatcher?.status() ?? { state: 'starting' as const, position: 0, restarts: 0 };
    const head = await this.store.headPosition().catch(() => undefined);
    const verdict = this.watch.judge({
      state: own.state,
      position: own.position,
      head,
      busySince: 'busySince' in own ? own.busySince : undefined,
    });
    const queue = this.redis?.status === 'ready' ? 'up' : 'down';
    return {
      ...verdict,
      status: verdict.status === 'up' && queue === 'up' ? 'up' : 'down',
      queue,
      restarts: own.restarts,
      ...('lastError' in own && own.lastError ? { lastError: own.lastError } : {}),
    };
  }

  onApplicationBootstrap(): void {
    const prefix = this.options.queuePrefix ?? this.app.queuePrefix ?? 'kkz';
    // BullMQ needs a connection that waits for Redis instead of failing commands.
    this.redis = new Redis(this.app.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    this.queue = new Queue<DeliveryJobData>(NOTIFICATIONS_QUEUE, { connection: this.redis, prefix });
    this.queue.on('error', (error) => this.logger.warn(`delivery queue: ${error.message}`));
    this.mail = createMailSender(this.config.mail, this.config.mailFrom, this.config.messageIdDomain);
    const deps = {
      store: this.store,
      clock: this.clock,
      secrets: this.secrets,
      mail: this.mail,
      webhookTimeoutMs: this.config.webhookTimeoutMs,
      allowPrivateWebhooks: this.config.allowPrivateWebhooks,
      publicBaseUrl: this.config.publicBaseUrl,
    };
    // It takes jobs only once registered (below): a lock of an unregistered worker is left alone.
    this.worker = new Worker<DeliveryJobData>(
      NOTIFICATIONS_QUEUE,
      oneAtATime((job) => deliverNotification(job, deps)),
      { connection: this.redis, prefix, concurrency: this.options.concurrency ?? 5, autorun: false },
    );
    this.worker.on('error', (error) => this.logger.warn(`delivery worker: ${error.message}`));
    this.dispatcher = new NotificationDispatcher(
      this.store,
      this.queue,
      this.clock,
      {
        attempts: this.config.attempts,
        backoffMs: this.config.backoffMs,
        attemptBoundMs: {
          webhook: this.config.webhookTimeoutMs + ATTEMPT_MARGIN_MS,
          email: (this.config.mail.kind === 'smtp' ? SMTP_ATTEMPT_BOUND_MS : 0) + ATTEMPT_MARGIN_MS,
        },
        reconcileIntervalMs: this.config.reconcileIntervalMs,
      },
      municipalityNames(this.app),
    );
    const dispatcher = this.dispatcher;
    this.workers = new DeliveryWorkers({
      redis: this.redis,
      queue: this.queue,
      prefix,
      workerId: this.worker.id,
      onRedisLost: () => {
        this.logger.warn('Redis lost the delivery queue: reconciling it with the store');
        void dispatcher.reconcile().catch(() => undefined);
      },
      onError: (message, error) => this.logger.warn({ err: error }, message),
    });
    this.dispatcher.start();
    this.starting = this.startDelivering(this.worker, this.workers);
    const mail = this.config.mail.kind === 'smtp' ? 'SMTP' : `files in ${this.config.mail.dir}`;
    this.logger.log(`notifications: dispatching deadline events; e-mail as ${mail}`);
  }

  /** Registers this worker (taking up the jobs of dead ones), then takes jobs; waits for Redis. */
  private async startDelivering(worker: Worker<DeliveryJobData>, workers: DeliveryWorkers): Promise<void> {
    for (let delay = 1000; ; delay = Math.min(delay * 2, 30_000)) {
      try {
        await workers.start();
        break;
      } catch (error) {
        if (worker.closing) return;
        this.logger.warn({ err: error }, `delivery worker not registered yet; trying again in ${delay} ms`);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
    if (worker.closing) return;
    worker.run().catch((error: Error) => this.logger.error({ err: error }, 'the delivery worker stopped'));
  }

  /** Before the store closes (that happens at application shutdown, after this). */
  async onModuleDestroy(): Promise<void> {
    await this.dispatcher?.stop();
    // Without Redis, registering (and unregistering) waits for ever: a shutdown does not.
    const reachable = this.redis?.status === 'ready';
    // BullMQ closing a connection that is still being set up (its version check under way) emits
    // an error no one listens to any more: let the worker's and the queue's connections finish first.
    await atMost(
      reachable ? 5000 : 0,
      Promise.all([this.worker?.waitUntilReady(), this.queue?.waitUntilReady()]),
    );
    const closing = this.worker?.close();
    await atMost(reachable ? 10_000 : 0, this.starting);
    await atMost(reachable ? 30_000 : 0, closing);
    await atMost(reachable ? 5000 : 0, this.workers?.stop());
    await this.queue?.close();
    this.mail?.close();
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

/** Names from the registry file the API reads too (the worker has no registry module of its own). */
function municipalityNames(app: AppConfig): (ags: string) => string | undefined {
  try {
    const registry = MunicipalityRegistry.fromCsvFile(app.municipalityRegistryFile);
    return (ags) => registry.find(ags)?.name;
  } catch {
    return () => undefined;
  }
}

async function atMost(ms: number, step: Promise<unknown> | undefined): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    step?.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
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
        {
          provide: NOTIFICATIONS_HEALTH,
          useFactory: (checks: HealthChecks, runtime: NotificationsWorkerRuntime) =>
            registerHealthCheck(checks, 'notifications', () => runtime.health()),
          inject: [HEALTH_CHECKS, NotificationsWorkerRuntime],
        },
      ],
      exports: [NotificationsWorkerRuntime],
    };
  }
}
