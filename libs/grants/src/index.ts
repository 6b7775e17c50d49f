export * from './grant';
export * from './grants.module';
export { grantsProjection } from './queries/grants.projection';
export type { DisbursementView, GrantView, GrantsReadModel } from './queries/grants.projection';
export type { ProofOfUseView } from './queries/proof-of-use.view';
export type { RefundInterest, InterestPortion, InterestSegment } from './interest/refund-interest';
export type { BaseRateTable } from './interest/base-rate-table';
export { loadBaseRateTable } from './interest/base-rate-table.provider';
