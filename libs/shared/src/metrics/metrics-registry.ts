import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Process metrics (CPU, memory, event loop, GC, handles) exist once per process, however many apps it runs. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * This process's Prometheus metrics by prom-client: the default process metrics, and the HTTP
 * request histogram of this app. Contexts add their own families to `registry`; whatever they
 * render themselves (the deadline worker's text) is appended by the /metrics route.
 */
export class MetricsRegistry {
  readonly registry = new Registry();
  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request to its response, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** The text exposition format (version 0.0.4), process metrics first. */
  async render(): Promise<string> {
    return (await processMetrics().metrics()) + (await this.registry.metrics());
  }

  /**
   * One answered request, labelled with its route's template (`/deadlines/:deadlineId`), never
   * the raw path, so ids do not multiply the series; `undefined` for a path no route matched.
   */
  observeRequest(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    this.httpRequestDuration.observe(
      { method, route: route ?? 'unmatched', status_code: String(statusCode) },
      seconds,
    );
  }
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** One MetricsRegistry per app, for every module of it. */
@Global()
@Module({ providers: [MetricsRegistry], exports: [MetricsRegistry] })
export class MetricsModule {}
