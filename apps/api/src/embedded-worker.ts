import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@app/shared';
import { workerModules } from '../../worker/src/worker-modules';

/**
 * The embedded default: with the SQLite (or memory) store and no separate worker, the API process
 * runs the worker too (RUN_WORKER_IN_API). With EventStoreDB, apps/worker runs it instead.
 */
export function embeddedWorkerModules(config: AppConfig): DynamicModule[] {
  return config.runWorkerInApi ? workerModules(config) : [];
}
