import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { EventStore } from '@app/eventsourcing';
import { IdentityModule } from '@app/identity';
import { requestWithoutCalendarToken } from '@app/notifications';
import {
  type AppConfig,
  baseLoggerOptions,
  Clock,
  createClock,
  createRedis,
  EventSourcingModule,
  HealthController,
  IdempotencyKeys,
  JsonBodyCheck,
  LOG_REDACTION,
  loggableRequest,
  loggableResponse,
  logDestination,
  MetricsModule,
  type LogDestination,
  ProblemJsonFilter,
  REDIS,
  RequestGuard,
  ReferenceDataModule,
  RedisLifecycle,
} from '@app/shared';
import { ClockController } from './clock/clock.controller';
import { CONTEXT_MODULES } from './context-modules';
import { embeddedWorkerModules } from './embedded-worker';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { SignInController } from './sign-in/sign-in.controller';

export interface ApiOptions {
  config: AppConfig;
  store?: EventStore;
  clock?: Clock;
  /** Where the log goes: stdout (default), or stderr when stdout is a person's output (the demo). */
  logTo?: LogDestination;
}

/**
 * The JSON body and the Idempotency-Key, checked by one global guard (RequestGuard) that runs
 * after the identity module's: global guards run in the order their modules are imported.
 */
@Module({
  providers: [JsonBodyCheck, IdempotencyKeys, { provide: APP_GUARD, useClass: RequestGuard }],
})
class RequestChecksModule {}

@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions): DynamicModule {
    const { config } = options;
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...baseLoggerOptions(config.logLevel),
            stream: logDestination(options.logTo),
            genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
            customAttributeKeys: { reqId: 'correlationId' },
            // No credential in a log line: headers allow-listed, the calendar feed's token (in its
            // path) and credential-like query values masked, known secret paths removed on top.
            redact: LOG_REDACTION,
            serializers: {
              req: (req) => loggableRequest(requestWithoutCalendarToken(req)),
              res: loggableResponse,
            },
            // Probes ask every few seconds: their lines would drown the rest.
            autoLogging: { ignore: (req) => /^\/health(\/live|\/ready)?$/.test(req.url ?? '') },
          },
        }),
        EventSourcingModule.forRoot({
          config,
          store: options.store,
          clock: options.clock ?? createClock(config.clock),
        }),
        MetricsModule,
        ReferenceDataModule.forRoot(config.municipalityRegistryFile),
        // Before identity: the rate limit's guard runs before the token is checked.
        ...RateLimitModule.forRoot(config),
        IdentityModule.forRoot(config),
        // After identity: its guard knows the caller before the body and the key are looked at.
        RequestChecksModule,
        ...CONTEXT_MODULES,
        ...embeddedWorkerModules(config),
      ],
      controllers: [HealthController, ClockController, SignInController],
      providers: [
        { provide: REDIS, useFactory: () => createRedis(config.redisUrl, 'api') },
        RedisLifecycle,
        { provide: APP_FILTER, useClass: ProblemJsonFilter },
      ],
    };
  }
}
