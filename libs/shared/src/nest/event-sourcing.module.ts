import {
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type EventStore, ProjectionRunner } from '@app/eventsourcing';
import type { AppConfig } from '../config/app-config';
import { Clock, SystemClock } from '../time/clock';
import { CommandService } from './command.service';
import { createEventStore } from './create-event-store';
import { APP_CONFIG, EVENT_STORE } from './tokens';

export interface EventSourcingModuleOptions {
  config: AppConfig;
  /** Tests pass a store or clock of their own. */
  store?: EventStore;
  clock?: Clock;
}

/** Starts the read models once every context module has registered its projections. */
class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    await this.runner.start();
    this.logger.log(
      `read models caught up to position ${this.runner.position} in ${Date.now() - started} ms`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
  }
}

@Global()
@Module({})
export class EventSourcingModule {
  static forRoot(options: EventSourcingModuleOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        {
          provide: EVENT_STORE,
          useFactory: () => options.store ?? createEventStore(options.config.eventStore),
        },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: ProjectionRunner,
          useFactory: (store: EventStore) => new ProjectionRunner(store),
          inject: [EVENT_STORE],
        },
        {
          provide: ProjectionLifecycle,
          useFactory: (runner: ProjectionRunner, store: EventStore) => new ProjectionLifecycle(runner, store),
          inject: [ProjectionRunner, EVENT_STORE],
        },
        CommandService,
      ],
      exports: [APP_CONFIG, EVENT_STORE, Clock, ProjectionRunner, CommandService],
    };
  }
}
