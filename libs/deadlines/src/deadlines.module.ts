import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { TOKEN_VERIFIER, type TokenVerifier } from '@app/identity';
import { APP_CONFIG, type AppConfig, BusinessCalendar } from '@app/shared';
import { CancelDeadlineController } from './cancel-deadline/cancel-deadline.controller';
import { CancelDeadlineHandler } from './cancel-deadline/cancel-deadline.handler';
import { ExtendDeadlineController } from './extend-deadline/extend-deadline.controller';
import { ExtendDeadlineHandler } from './extend-deadline/extend-deadline.handler';
import { DeadlineQueueAccess } from './operations/deadline-queue-access';
import { MetricsController } from './operations/metrics.controller';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './operations/queue-dashboard';
import { deadlinesProjection } from './queries/deadlines.projection';
import { DeadlinesQueriesController } from './queries/deadlines-queries.controller';
import {
  GetDeadlineHandler,
  GetDeadlineSettingsHandler,
  ListDeadlinesHandler,
} from './queries/deadlines.queries';
import { SetDeadlineSettingsController } from './set-deadline-settings/set-deadline-settings.controller';
import { SetDeadlineSettingsHandler } from './set-deadline-settings/set-deadline-settings.handler';

/**
 * The API side of deadlines: programme settings, extensions and cancellations by the grants
 * office, the queries, the queue dashboard and the metrics. Deadlines are opened, reminded and
 * missed by the worker side (DeadlinesWorkerModule), never by a request.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    SetDeadlineSettingsController,
    ExtendDeadlineController,
    CancelDeadlineController,
    DeadlinesQueriesController,
    MetricsController,
  ],
  providers: [
    { provide: BusinessCalendar, useFactory: () => new BusinessCalendar() },
    DeadlineQueueAccess,
    SetDeadlineSettingsHandler,
    ExtendDeadlineHandler,
    CancelDeadlineHandler,
    ListDeadlinesHandler,
    GetDeadlineHandler,
    GetDeadlineSettingsHandler,
  ],
})
export class DeadlinesModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly adapterHost: HttpAdapterHost,
    private readonly queue: DeadlineQueueAccess,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.projections.register(deadlinesProjection);
    // Fastify's middleware (middie) runs before its routes and its 404 handler.
    const app = this.adapterHost.httpAdapter?.getInstance<{
      use: (path: string, handler: unknown) => void;
    }>();
    app?.use(
      QUEUE_DASHBOARD_PATH,
      queueDashboard(() => this.queue.get(), this.verifier, this.config.trustProxy),
    );
  }
}
