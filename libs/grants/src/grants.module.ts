import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { baseRateTableProvider } from './interest/base-rate-table.provider';
import { IssueGrantNoticeController } from './issue-grant-notice/issue-grant-notice.controller';
import { IssueGrantNoticeHandler } from './issue-grant-notice/issue-grant-notice.handler';
import { PayDisbursementController } from './pay-disbursement/pay-disbursement.controller';
import { PayDisbursementHandler } from './pay-disbursement/pay-disbursement.handler';
import { grantsProjection } from './queries/grants.projection';
import { GrantsQueriesController } from './queries/grants-queries.controller';
import { GetGrantHandler, ListDisbursementsHandler, ListGrantsHandler } from './queries/grants.queries';
import { RequestDisbursementController } from './request-disbursement/request-disbursement.controller';
import { RequestDisbursementHandler } from './request-disbursement/request-disbursement.handler';
import { RevokeGrantController } from './revoke-grant/revoke-grant.controller';
import { RevokeGrantHandler } from './revoke-grant/revoke-grant.handler';

@Module({
  imports: [CqrsModule],
  controllers: [
    IssueGrantNoticeController,
    RequestDisbursementController,
    PayDisbursementController,
    RevokeGrantController,
    GrantsQueriesController,
  ],
  providers: [
    baseRateTableProvider,
    IssueGrantNoticeHandler,
    RequestDisbursementHandler,
    PayDisbursementHandler,
    RevokeGrantHandler,
    ListGrantsHandler,
    GetGrantHandler,
    ListDisbursementsHandler,
  ],
})
export class GrantsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRunner) {}
  onModuleInit(): void {
    this.projections.register(grantsProjection);
  }
}
