import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { DEADLINE_WORKER, type DeadlineWorker, queueMetrics } from '@app/deadlines';
import { METRICS_CONTENT_TYPE, MetricsRegistry, Public } from '@app/shared';

/**
 * Prometheus text on the worker's own port: process metrics, queue depth and what this worker measured (firing
 * lateness, firings, failures, reconciliations). The port is internal, like /health: the worker
 * has no users and checks no tokens; do not publish it.
 */
@Controller('metrics')
export class WorkerMetricsController {
  constructor(
    @Inject(DEADLINE_WORKER) private readonly worker: DeadlineWorker,
    @Optional() private readonly metrics: MetricsRegistry = new MetricsRegistry(),
  ) {}

  @Get()
  @Public()
  @Header('Content-Type', METRICS_CONTENT_TYPE)
  async render(): Promise<string> {
    return (
      (await this.metrics.render()) +
      (await queueMetrics({ get: () => this.worker.queue.queue })) +
      this.worker.renderMetrics()
    );
  }
}
