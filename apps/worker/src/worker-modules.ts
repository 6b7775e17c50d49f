import type { DynamicModule } from '@nestjs/common';
import { applicationUpcasters } from '@app/applications/upcasters';
import { evaluationUpcasters } from '@app/evaluation/upcasters';
import { programmesCallsUpcasters } from '@app/programmes-calls/upcasters';
import { reportingUpcasters } from '@app/reporting/upcasters';
import { grantsUpcasters } from '@app/grants/upcasters';
import { AuditWorkerModule } from '@app/audit';
import { DeadlinesWorkerModule } from '@app/deadlines';
import { NotificationsWorkerModule } from '@app/notifications';
import { ReportingWorkerModule } from '@app/reporting';
import type { AppConfig } from '@app/shared';
import { EventUpcastersModule } from '@app/shared';

/**
 * The worker's process managers: the deadline manager with its BullMQ scheduler, the notification
 * dispatcher, periodic integrity checkpoints, and report periods opened with each grant notice. apps/worker runs them; for the embedded default
 * the API process runs the same list (RUN_WORKER_IN_API).
 */
export function workerModules(config: AppConfig): DynamicModule[] {
  return [
    DeadlinesWorkerModule.forRoot(config),
    NotificationsWorkerModule.forRoot(),
    { module: AuditWorkerModule },
    { module: ReportingWorkerModule },
  ];
}

/** Events are read in today's shape in the worker as in the API. */
export const workerUpcasters = EventUpcastersModule.register([
  ...applicationUpcasters,
  ...programmesCallsUpcasters,
  ...evaluationUpcasters,
  ...reportingUpcasters,
  ...grantsUpcasters,
]);
