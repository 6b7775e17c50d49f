import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import { Gauge, Registry } from 'prom-client';
import { Roles } from '@app/identity';
import { ApiFile, METRICS_CONTENT_TYPE, MetricsRegistry } from '@app/shared';
import type { DeadlineWorker } from '../worker/deadline-worker';
import { DEADLINE_WORKER } from '../worker/deadline-worker.token';
import { DeadlineQueueAccess } from './deadline-queue-access';

const JOB_STATES = ['delayed', 'waiting', 'active', 'completed', 'failed', 'paused', 'prioritized'] as const;

/** Gives up on Redis after this long: the metrics page must answer, and say Redis is down. */
const REDIS_TIMEOUT_MS = 1000;

@ApiTags('operations')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly queue: DeadlineQueueAccess,
    private readonly registry: MetricsRegistry,
    @Optional() @Inject(DEADLINE_WORKER) private readonly worker?: DeadlineWorker,
  ) {}

  /**
   * Prometheus text: process metrics, HTTP request durations by route template and status, deadline
   * jobs by state (queue depth, from Redis) and, when this process runs the worker, firing lateness
   * and counts. For the grants office (a scraper uses an office token);
   * a separate worker serves the same on its own, internal port.
   */
  @Get()
  @Roles('grants-office')
  @ApiFile('text/plain', 'Prometheus text exposition format 0.0.4.')
  @Header('Content-Type', METRICS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  async metrics(): Promise<string> {
    return (
      (await this.registry.render()) + (await queueMetrics(this.queue)) + (this.worker?.renderMetrics() ?? '')
    );
  }
}

/** Queue depth in the Prometheus text format; `kkz_deadline_queue_up 0` when Redis does not answer. */
export async function queueMetrics(access: { get(): Queue }): Promise<string> {
  const registry = new Registry();
  const up = new Gauge({
    name: 'kkz_deadline_queue_up',
    help: '1 when Redis answered for the deadline queue, 0 when it did not (the job counts are then missing).',
    registers: [registry],
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const counts = await Promise.race([
      access.get().getJobCounts(...JOB_STATES),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Redis did not answer')), REDIS_TIMEOUT_MS);
      }),
    ]);
    up.set(1);
    const jobs = new Gauge({
      name: 'kkz_deadline_jobs',
      help: 'Deadline jobs in the queue, by state.',
      labelNames: ['state'],
      registers: [registry],
    });
    for (const [state, n] of Object.entries(counts)) jobs.set({ state }, n);
  } catch {
    up.set(0);
  } finally {
    clearTimeout(timer);
  }
  return registry.metrics();
}
