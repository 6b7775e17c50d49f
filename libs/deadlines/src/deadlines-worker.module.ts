import {
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { EventStore } from '@app/eventsourcing';
import {
  type AppConfig,
  BusinessCalendar,
  Clock,
  EVENT_STORE,
  HEALTH_CHECKS,
  type HealthChecks,
  registerHealthCheck,
} from '@app/shared';
import { DeadlineWorker } from './worker/deadline-worker';
import { DEADLINE_WORKER } from './worker/deadline-worker.token';

/**
 * Starts the deadline worker once the application is up, without holding up the start: with
 * Redis away the API still serves (and /health says so) while the worker waits for it. A start
 * that fails (the store cannot be followed) is tried again with backoff, and /health answers 503
 * meanwhile. Stops it before the store closes.
 */
class DeadlineWorkerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Deadlines');
  constructor(@Inject(DEADLINE_WORKER) private readonly worker: DeadlineWorker) {}

  onApplicationBootstrap(): void {
    const started = Date.now();
    void this.worker
      .run((error, retryInMs) =>
        this.logger.error(
          { err: error },
          `the deadline worker could not start; trying again in ${retryInMs} ms`,
        ),
      )
      .then(() => {
        if (this.worker.manager.status().state === 'following')
          this.logger.log(
            `deadline worker running: ${this.worker.manager.openDeadlines().length} open deadlines reconciled in ${Date.now() - started} ms`,
          );
      });
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }
}

const DEADLINES_HEALTH = Symbol('DeadlinesHealth');

/**
 * The worker side of deadlines as a Nest module: for apps/worker, and for the API process in the
 * embedded default (RUN_WORKER_IN_API). Global, so a metrics route can show what it measured.
 */
@Global()
@Module({})
export class DeadlinesWorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DeadlinesWorkerModule,
      providers: [
        {
          provide: DEADLINE_WORKER,
          useFactory: (store: EventStore, clock: Clock) => {
            const logger = new Logger('Deadlines');
            return new DeadlineWorker({
              store,
              clock,
              redisUrl: config.redisUrl,
              queuePrefix: config.queuePrefix,
              calendar: new BusinessCalendar(),
              reconcileIntervalMs: config.deadlineReconcileIntervalMs,
              health: config.followerHealth,
              groupFirings: config.deadlineGroupFiring,
              log: { error: (message, error) => logger.error({ err: error }, message) },
            });
          },
          inject: [EVENT_STORE, Clock],
        },
        DeadlineWorkerLifecycle,
        {
          provide: DEADLINES_HEALTH,
          useFactory: (checks: HealthChecks, worker: DeadlineWorker) =>
            registerHealthCheck(checks, 'deadlines', () => worker.health()),
          inject: [HEALTH_CHECKS, DEADLINE_WORKER],
        },
      ],
      exports: [DEADLINE_WORKER],
    };
  }
}
