import { ApplicationsModule } from '@app/applications';
import { applicationUpcasters } from '@app/applications/upcasters';
import { evaluationUpcasters } from '@app/evaluation/upcasters';
import { programmesCallsUpcasters } from '@app/programmes-calls/upcasters';
import { reportingUpcasters } from '@app/reporting/upcasters';
import { grantsUpcasters } from '@app/grants/upcasters';
import { AuditModule } from '@app/audit';
import { CouncilResolutionsModule } from '@app/council-resolutions';
import { DeadlinesModule } from '@app/deadlines';
import { ReportingModule } from '@app/reporting';
import { EvaluationModule } from '@app/evaluation';
import { GrantsModule } from '@app/grants';
import { NotificationsModule } from '@app/notifications';
import { ProgrammesCallsModule } from '@app/programmes-calls';
import { SelectionModule } from '@app/selection';
import { EventUpcastersModule } from '@app/shared';

/** The bounded contexts the API serves, one module each; a new context adds its module here. */
export const CONTEXT_MODULES = [
  ProgrammesCallsModule,
  ApplicationsModule,
  CouncilResolutionsModule,
  SelectionModule,
  GrantsModule,
  ReportingModule,
  EvaluationModule,
  DeadlinesModule,
  NotificationsModule,
  AuditModule,
  EventUpcastersModule.register([
    ...applicationUpcasters,
    ...programmesCallsUpcasters,
    ...evaluationUpcasters,
    ...reportingUpcasters,
    ...grantsUpcasters,
  ]),
];
