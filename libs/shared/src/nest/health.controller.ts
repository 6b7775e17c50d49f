import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type Redis from 'ioredis';
import type { EventStore } from '@app/eventsourcing';
import { Public } from '../http/public.decorator';
import { EVENT_STORE, REDIS } from './tokens';

async function probe(
  check: () => Promise<unknown>,
  timeoutMs = 1000,
): Promise<{ status: 'up' | 'down'; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
      ),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Store and Redis reachability; 503 when either is down. No token needed. */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: Response) {
    const [store, redis] = await Promise.all([
      probe(() => this.store.ping()),
      probe(() => this.redis.ping()),
    ]);
    const status = store.status === 'up' && redis.status === 'up' ? 'ok' : 'degraded';
    res.status(status === 'ok' ? 200 : 503);
    return { status, store: { kind: this.store.kind, ...store }, redis };
  }
}
