import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import type { EventStore } from '@app/eventsourcing';
import { ApplicationsModule } from '@app/applications';
import { IdentityModule } from '@app/identity';
import { ProgrammesCallsModule } from '@app/programmes-calls';
import {
  type AppConfig,
  checkEvictionPolicy,
  Clock,
  createRedis,
  EventSourcingModule,
  IdempotencyInterceptor,
  ProblemJsonFilter,
  REDIS,
  ReferenceDataModule,
} from '@app/shared';
import { HealthController } from './health.controller';

export interface ApiOptions {
  config: AppConfig;
  store?: EventStore;
  clock?: Clock;
}

/** Warns at start when Redis is missing or may evict queued jobs; closes it at shutdown. */
class RedisLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onModuleInit(): Promise<void> {
    try {
      await this.redis.connect();
      const warning = await checkEvictionPolicy(this.redis);
      if (warning) this.logger.warn(warning);
    } catch {
      // createRedis has already said what is wrong and how to start Redis; /health reports it too.
    }
  }
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions): DynamicModule {
    const { config } = options;
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
            customAttributeKeys: { reqId: 'correlationId' },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        EventSourcingModule.forRoot({ config, store: options.store, clock: options.clock }),
        ReferenceDataModule.forRoot(config.municipalityRegistryFile),
        IdentityModule.forRoot(config),
        ProgrammesCallsModule,
        ApplicationsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: REDIS, useFactory: () => createRedis(config.redisUrl, 'api') },
        RedisLifecycle,
        { provide: APP_FILTER, useClass: ProblemJsonFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
