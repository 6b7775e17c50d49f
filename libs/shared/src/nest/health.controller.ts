import { Controller, Get, Inject, Logger, Optional, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { type EventStore, ProjectionRunner, StoreUnavailableError } from '@app/eventsourcing';
import { Public } from '../http/public.decorator';
import { EVENT_STORE, REDIS } from './tokens';

type Probe = { status: 'up' | 'down'; reason?: string };

/**
 * Parts that live outside shared and must show on /health: the followers of the store that run in
 * this process (deadline manager, notification dispatcher). EventSourcingModule provides one
 * record per application; each part adds itself by name (`registerHealthCheck`). Each report is
 * shown as it is (so it must hold no secret and no error message); `down` makes /health and
 * /health/ready answer 503.
 */
export const HEALTH_CHECKS = Symbol('HealthChecks');
export type HealthChecks = Record<string, () => Promise<{ status: 'up' | 'down' }>>;

export function registerHealthCheck(
  checks: HealthChecks,
  name: string,
  check: () => Promise<{ status: 'up' | 'down' }>,
): void {
  checks[name] = check;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly projections: ProjectionRunner,
    @Optional() @Inject(HEALTH_CHECKS) private readonly checks: HealthChecks = {},
  ) {}

  /**
   * Combined view: store, Redis, read models and the worker's parts; 503 when any is down. No token
   * needed, so no detail of what failed is shown here beyond a reason code (the store's: read-only,
   * disk-full, timeout, ..., and whether the read models are reconnecting): the rest goes to the
   * log. Kept as it was for existing monitors; orchestrators probe /health/live and /health/ready.
   */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: FastifyReply) {
    const [store, redis] = await Promise.all([
      this.probe('store', () => this.store.ping()),
      this.probe('redis', () => this.redis.ping()),
    ]);
    const failed = this.projections.failed;
    if (failed) this.logger.error({ err: failed }, 'read models have stopped following the store');
    // Reconnecting read models answer queries from a state that may be behind the store.
    const { state, position, restarts } = this.projections.status();
    const following = state !== 'failed' && state !== 'reconnecting';
    const readModels = { status: following ? 'up' : 'down', state, position, restarts };
    const parts = await this.parts();
    const ok =
      store.status === 'up' &&
      redis.status === 'up' &&
      following &&
      Object.values(parts).every((p) => p.status === 'up');
    res.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'degraded',
      store: { kind: this.store.kind, ...store },
      redis,
      readModels,
      ...parts,
    };
  }

  /** Liveness: the process answers. Nothing else is checked, so a Redis outage never restarts it. */
  @Get('live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: this replica can serve requests: the store and Redis answer, and its read models
   * have caught up with the store's head as it was when asked (503 otherwise, e.g. while they
   * replay after a start), and the followers of the store running in this process (deadline
   * manager, notification dispatcher) keep up with it: one stalled or lagging beyond the
   * thresholds (HEALTH_MAX_BEHIND_EVENTS, HEALTH_STALL_S) makes it 503 too.
   */
  @Get('ready')
  @Public()
  async ready(@Res({ passthrough: true }) res: FastifyReply) {
    const [store, redis] = await Promise.all([
      this.probe('store', () => this.store.ping()),
      this.probe('redis', () => this.redis.ping()),
    ]);
    const head = store.status === 'up' ? await this.store.headPosition().catch(() => undefined) : undefined;
    const { state, position, restarts } = this.projections.status();
    const caughtUp =
      head !== undefined &&
      state !== 'failed' &&
      state !== 'reconnecting' &&
      (await this.projections.waitFor(head, 1000).catch(() => false));
    const readModels = { status: caughtUp ? 'up' : 'down', state, position, restarts };
    const parts = await this.parts();
    const ok =
      store.status === 'up' &&
      redis.status === 'up' &&
      caughtUp &&
      Object.values(parts).every((p) => p.status === 'up');
    res.status(ok ? 200 : 503);
    return {
      status: ok ? 'ready' : 'not-ready',
      store: { kind: this.store.kind, ...store },
      redis,
      readModels,
      ...parts,
    };
  }

  private async parts(): Promise<Record<string, Probe>> {
    return Object.fromEntries(
      await Promise.all(
        Object.entries(this.checks).map(async ([name, check]) => [
          name,
          await check().catch(() => ({ status: 'down' as const })),
        ]),
      ),
    ) as Record<string, Probe>;
  }

  private async probe(name: string, check: () => Promise<unknown>, timeoutMs = 1000): Promise<Probe> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    try {
      await Promise.race([
        check(),
        new Promise((_, reject) => {
          timer = setTimeout(() => {
            timedOut = true;
            reject(new Error(`no answer within ${timeoutMs} ms`));
          }, timeoutMs);
        }),
      ]);
      return { status: 'up' };
    } catch (error) {
      this.logger.warn(`${name} is down: ${(error as Error).message}`);
      if (error instanceof StoreUnavailableError) return { status: 'down', reason: error.reason };
      return timedOut ? { status: 'down', reason: 'timeout' } : { status: 'down' };
    } finally {
      clearTimeout(timer);
    }
  }
}
