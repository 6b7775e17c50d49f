import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { AcceptProofOfUseController } from './accept-proof-of-use/accept-proof-of-use.controller';
import { AcceptProofOfUseHandler } from './accept-proof-of-use/accept-proof-of-use.handler';
import { baseRateTableProvider } from './interest/base-rate-table.provider';
import { IssueGrantNoticeController } from './issue-grant-notice/issue-grant-notice.controller';
import { IssueGrantNoticeHandler } from './issue-grant-notice/issue-grant-notice.handler';
import { PayDisbursementController } from './pay-disbursement/pay-disbursement.controller';
import { PayDisbursementHandler } from './pay-disbursement/pay-disbursement.handler';
import { grantsProjection } from './queries/grants.projection';
import { FundingTotalsController } from './funding-totals/funding-totals.controller';
import { fundingTotalsProjection } from './funding-totals/funding-totals.projection';
import { GetFundingTotalsHandler } from './funding-totals/funding-totals.query';
import { GrantsQueriesController } from './queries/grants-queries.controller';
import { GetGrantHandler, ListDisbursementsHandler, ListGrantsHandler } from './queries/grants.queries';
import { grantsOfficeProvider } from './notice-document/notice-document.provider';
import { GetGrantNoticePdfHandler } from './notice-document/notice-document.query';
import { RecordRefundPaymentController } from './record-refund-payment/record-refund-payment.controller';
import { RecordRefundPaymentHandler } from './record-refund-payment/record-refund-payment.handler';
import { RequestDisbursementController } from './request-disbursement/request-disbursement.controller';
import { RequestDisbursementHandler } from './request-disbursement/request-disbursement.handler';
import { RevokeGrantController } from './revoke-grant/revoke-grant.controller';
import { ReturnProofOfUseController } from './return-proof-of-use/return-proof-of-use.controller';
import { ReturnProofOfUseHandler } from './return-proof-of-use/return-proof-of-use.handler';
import { RevokeGrantHandler } from './revoke-grant/revoke-grant.handler';
import { RevocationPreviewController } from './revoke-grant/revocation-preview.controller';
import { PreviewRevocationHandler } from './revoke-grant/revocation-preview.query';
import { SubmitProofOfUseController } from './submit-proof-of-use/submit-proof-of-use.controller';
import { SubmitProofOfUseHandler } from './submit-proof-of-use/submit-proof-of-use.handler';

@Module({
  imports: [CqrsModule],
  controllers: [
    IssueGrantNoticeController,
    RequestDisbursementController,
    PayDisbursementController,
    RevokeGrantController,
    RevocationPreviewController,
    RecordRefundPaymentController,
    SubmitProofOfUseController,
    ReturnProofOfUseController,
    AcceptProofOfUseController,
    GrantsQueriesController,
    FundingTotalsController,
  ],
  providers: [
    baseRateTableProvider,
    IssueGrantNoticeHandler,
    RequestDisbursementHandler,
    PayDisbursementHandler,
    RevokeGrantHandler,
    PreviewRevocationHandler,
    RecordRefundPaymentHandler,
    SubmitProofOfUseHandler,
    ReturnProofOfUseHandler,
    AcceptProofOfUseHandler,
    ListGrantsHandler,
    GetGrantHandler,
    ListDisbursementsHandler,
    GetGrantNoticePdfHandler,
    GetFundingTotalsHandler,
    grantsOfficeProvider,
  ],
})
export class GrantsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRunner) {}
  onModuleInit(): void {
    this.projections.register(grantsProjection);
    this.projections.register(fundingTotalsProjection);
  }
}
