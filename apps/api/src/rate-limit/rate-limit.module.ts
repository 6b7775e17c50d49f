import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '@app/shared';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler-storage';

/**
 * RATE_LIMIT_PER_MINUTE requests per minute per client address, counted in Redis so that the
 * limit holds across API replicas. Imported before the identity module: its guard runs first.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule[] {
    if (config.rateLimitPerMinute <= 0) return [];
    return [
      {
        module: RateLimitModule,
        imports: [
          ThrottlerModule.forRoot({
            throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute }],
            storage: new RedisThrottlerStorage(config.redisUrl),
            // One budget per client across every route (not per route); installations (and
            // tests) sharing one Redis count apart under their queue prefix.
            generateKey: (_context, tracker, name) => `${config.queuePrefix}:rate-limit:${name}:${tracker}`,
          }),
        ],
        providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
      },
    ];
  }
}
