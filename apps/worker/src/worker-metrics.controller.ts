import { Controller, Get, Header, Inject } from '@nestjs/common';
import { DEADLINE_WORKER, type DeadlineWorker, queueMetrics } from '@app/deadlines';
import { Public } from '@app/shared';

/**
 * Prometheus text on the worker's own port: queue depth and what this worker measured (firing
 * lateness, firings, failures, reconciliations). The port is internal, like /health: the worker
 * has no users and checks no tokens; do not publish it.
 */
@Controller('metrics')
export class WorkerMetricsController {
  constructor(@Inject(DEADLINE_WORKER) private readonly worker: DeadlineWorker) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    return (await queueMetrics({ get: () => this.worker.queue.queue })) + this.worker.renderMetrics();
  }
}
