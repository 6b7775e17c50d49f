import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import { Roles } from '@app/identity';
import { renderQueueDepth } from '../worker/deadline-metrics';
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
    @Optional() @Inject(DEADLINE_WORKER) private readonly worker?: DeadlineWorker,
  ) {}

  /**
   * Prometheus text: deadline jobs by state (queue depth, from Redis) and, when this process runs
   * the worker, firing lateness and counts. For the grants office (a scraper uses an office token);
   * a separate worker serves the same on its own, internal port.
   */
  @Get()
  @Roles('grants-office')
  @ApiProduces('text/plain')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async metrics(): Promise<string> {
    return (await queueMetrics(this.queue)) + (this.worker?.renderMetrics() ?? '');
  }
}

/** Queue depth in the Prometheus text format; `kkz_deadline_queue_up 0` when Redis does not answer. */
export async function queueMetrics(access: { get(): Queue }): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const counts = await Promise.race([
      access.get().getJobCounts(...JOB_STATES),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Redis did not answer')), REDIS_TIMEOUT_MS);
      }),
    ]);
    return `kkz_deadline_queue_up 1\n${renderQueueDepth(counts)}`;
  } catch {
    return 'kkz_deadline_queue_up 0\n';
  } finally {
    clearTimeout(timer);
  }
}
