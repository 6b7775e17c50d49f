import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { AcceptEsfReportController } from './accept-esf-report/accept-esf-report.controller';
import { AcceptEsfReportHandler } from './accept-esf-report/accept-esf-report.handler';
import { OpenReportPeriodsController } from './open-report-periods/open-report-periods.controller';
import { OpenReportPeriodsHandler } from './open-report-periods/open-report-periods.handler';
import { ReportPeriodsPolicy } from './open-report-periods/report-periods-policy';
import { GetFundingExportHandler } from './exports/funding-export.query';
import { ProgrammeReportController } from './programme-report/programme-report.controller';
import { GetProgrammeReportHandler } from './programme-report/programme-report.query';
import { esfReportsProjection } from './queries/esf-reports.projection';
import { EsfReportsQueriesController } from './queries/esf-reports-queries.controller';
import {
  GetEsfReportHandler,
  GetEsfTotalsHandler,
  ListGrantEsfReportsHandler,
} from './queries/esf-reports.queries';
import { esfTotalsProjection } from './queries/esf-totals.projection';
import { ReturnEsfReportController } from './return-esf-report/return-esf-report.controller';
import { ReturnEsfReportHandler } from './return-esf-report/return-esf-report.handler';
import { SaveEsfReportDraftController } from './save-esf-report-draft/save-esf-report-draft.controller';
import { SaveEsfReportDraftHandler } from './save-esf-report-draft/save-esf-report-draft.handler';
import { SubmitEsfReportController } from './submit-esf-report/submit-esf-report.controller';
import { SubmitEsfReportHandler } from './submit-esf-report/submit-esf-report.handler';

@Module({
  imports: [CqrsModule],
  controllers: [
    OpenReportPeriodsController,
    SaveEsfReportDraftController,
    SubmitEsfReportController,
    AcceptEsfReportController,
    ReturnEsfReportController,
    EsfReportsQueriesController,
    ProgrammeReportController,
  ],
  providers: [
    OpenReportPeriodsHandler,
    SaveEsfReportDraftHandler,
    SubmitEsfReportHandler,
    AcceptEsfReportHandler,
    ReturnEsfReportHandler,
    GetEsfReportHandler,
    ListGrantEsfReportsHandler,
    GetEsfTotalsHandler,
    GetFundingExportHandler,
    GetProgrammeReportHandler,
  ],
})
export class ReportingModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRunner) {}
  onModuleInit(): void {
    this.projections.register(esfReportsProjection);
    this.projections.register(esfTotalsProjection);
  }
}

/** What the worker runs for reporting: report periods opened when a notice is issued. */
@Module({ providers: [ReportPeriodsPolicy] })
export class ReportingWorkerModule {}
