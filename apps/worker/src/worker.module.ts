import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import {
  type AppConfig,
  createRedis,
  EventSourcingModule,
  HealthController,
  REDIS,
  RedisLifecycle,
} from '@app/shared';

/**
 * The worker process: process managers that react to the store's events (deadlines and
 * notifications arrive here with their issues). It serves no API, only /health.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel, autoLogging: false } }),
        EventSourcingModule.forRoot({ config }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: REDIS, useFactory: () => createRedis(config.redisUrl, 'worker') },
        RedisLifecycle,
      ],
    };
  }
}
