import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { EventStore } from '@app/eventsourcing';
import {
  type AppConfig,
  baseLoggerOptions,
  createClock,
  createRedis,
  EventSourcingModule,
  HealthController,
  LOG_REDACTION,
  loggableRequest,
  loggableResponse,
  MetricsModule,
  REDIS,
  RedisLifecycle,
} from '@app/shared';
import { WorkerMetricsController } from './worker-metrics.controller';
import { workerModules, workerUpcasters } from './worker-modules';

/**
 * The worker process: process managers that react to the store's events (the deadline manager
 * with its BullMQ scheduler and firings; notifications). It serves no API, only /health and
 * /metrics on its internal port.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, store?: EventStore): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...baseLoggerOptions(config.logLevel),
            autoLogging: false,
            redact: LOG_REDACTION,
            serializers: { req: loggableRequest, res: loggableResponse },
          },
        }),
        EventSourcingModule.forRoot({ config, store, clock: createClock(config.clock) }),
        MetricsModule,
        workerUpcasters,
        ...workerModules(config),
      ],
      controllers: [HealthController, WorkerMetricsController],
      providers: [
        { provide: REDIS, useFactory: () => createRedis(config.redisUrl, 'worker') },
        RedisLifecycle,
      ],
    };
  }
}
