import {
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  type EventStore,
  buildFingerprint,
  ProjectionRunner,
  type ProjectionRunnerOptions,
  ReadModelSnapshots,
  type Upcaster,
  UpcasterRegistry,
  UpcastingEventStore,
} from '@app/eventsourcing';
import type { AppConfig } from '../config/app-config';
import { Clock, SystemClock } from '../time/clock';
import { CommandService } from './command.service';
import { createEventStore } from './create-event-store';
import { HEALTH_CHECKS } from './health.controller';
import { APP_CONFIG, EVENT_STORE } from './tokens';

export interface EventSourcingModuleOptions {
  config: AppConfig;
  /** Tests pass a store or clock of their own. */
  store?: EventStore;
  clock?: Clock;
}

/**
 * Persisted read models where they are safe and useful: on the embedded SQLite store, whose
 * positions are the rows' gap-free numbers. Off for EventStoreDB (its positions are commit
 * positions of the server's log; untested here, so a replica rebuilds from the server) and for the
 * memory store (nothing outlives the process).
 */
function snapshotOptions(
  config: AppConfig,
  store: EventStore,
  upcasters: UpcasterRegistry,
  log: (level: 'info' | 'warn', message: string) => void,
): ProjectionRunnerOptions['snapshots'] {
  const settings = config.readModelSnapshots;
  if (!settings?.enabled) return undefined;
  if (store.kind !== 'sqlite') {
    log('info', `read-model snapshots are off on the ${store.kind} store (the embedded SQLite store only)`);
    return undefined;
  }
  return {
    store: new ReadModelSnapshots({
      dir: settings.dir,
      // Worked out when the read models start: the build's files are read once.
      fingerprint: () => buildFingerprint(upcasters.describe()),
      log,
    }),
    everyEvents: settings.everyEvents,
    maxAgeMs: settings.maxAgeMs,
    minIntervalMs: settings.minIntervalMs,
  };
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
        { provide: UpcasterRegistry, useValue: new UpcasterRegistry() },
        {
          // Every reader sees events in today's shape; verification unwraps it (storedEvents).
          provide: EVENT_STORE,
          useFactory: (upcasters: UpcasterRegistry) =>
            new UpcastingEventStore(options.store ?? createEventStore(options.config.eventStore), upcasters),
          inject: [UpcasterRegistry],
        },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: ProjectionRunner,
          useFactory: (store: EventStore, upcasters: UpcasterRegistry) => {
            const logger = new Logger('Projections');
            const log = (level: 'info' | 'warn', message: string) =>
              level === 'warn' ? logger.warn(message) : logger.log(message);
            return new ProjectionRunner(store, {
              onDrop: (error, retryInMs) =>
                logger.warn(
                  { err: error },
                  `the read models' subscription to the store ended; subscribing again in ${retryInMs} ms`,
                ),
              snapshots: snapshotOptions(options.config, store, upcasters, log),
              log,
            });
          },
          inject: [EVENT_STORE, UpcasterRegistry],
        },
        {
          provide: ProjectionLifecycle,
          useFactory: (runner: ProjectionRunner, store: EventStore) => new ProjectionLifecycle(runner, store),
          inject: [ProjectionRunner, EVENT_STORE],
        },
        CommandService,
        // The followers running in this application add themselves here (registerHealthCheck).
        { provide: HEALTH_CHECKS, useValue: {} },
      ],
      exports: [
        APP_CONFIG,
        EVENT_STORE,
        Clock,
        ProjectionRunner,
        CommandService,
        UpcasterRegistry,
        HEALTH_CHECKS,
      ],
    };
  }
}

/** Registers a context's upcasters while the module graph is built, before anything reads. */
@Module({})
export class EventUpcastersModule {
  static register(upcasters: Upcaster[]): DynamicModule {
    // A distinct token per list, so that two contexts' registrations are never taken for one module.
    const registration = `EventUpcasters:${upcasters.map((u) => `${u.type}@${u.fromVersion}`).join(',')}`;
    return {
      module: EventUpcastersModule,
      providers: [
        {
          provide: registration,
          useFactory: (registry: UpcasterRegistry) => registry.register(...upcasters),
          inject: [UpcasterRegistry],
        },
      ],
    };
  }
}
