import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CommandService } from '@app/shared';
import { grantStream } from '../grant';
import type { BaseRateTable } from '../interest/base-rate-table';
import { BASE_RATE_TABLE } from '../interest/base-rate-table.provider';
import type { RefundInterest } from '../interest/refund-interest';
import { revokeGrant, revokeGrantDecider } from './revoke-grant.decide';

/** The revocation whose figures are asked for (the command's fields but its reason). */
export interface RevocationTerms {
  scope: 'full' | 'partial';
  revokedCents?: number;
  effectiveDate: string;
  refundDueDate: string;
}

/** What a revocation would set now (the same figures as its `GrantRevoked` event). */
export interface RevocationPreview {
  revokedCents: number;
  /** What the grantee is still entitled to afterwards. */
  entitlementCents: number;
  /** Paid out beyond the new entitlement, to be refunded. */
  refundCents: number;
  /** Interest on the refund until it is due (§ 49a Abs. 3 VwVfG), with its portions and segments. */
  interest: RefundInterest;
}

export class PreviewRevocationQuery extends Query<RevocationPreview> {
  constructor(
    readonly grantId: string,
    readonly revocation: RevocationTerms,
  ) {
    super();
  }
}

/**
 * What a revocation would decide now, computed by the very decision the command runs (refund and
 * interest included), without writing anything: the office sees the interest before it confirms.
 */
@QueryHandler(PreviewRevocationQuery)
export class PreviewRevocationHandler implements IQueryHandler<PreviewRevocationQuery> {
  constructor(
    private readonly commands: CommandService,
    @Inject(BASE_RATE_TABLE) private readonly baseRates: BaseRateTable,
  ) {}

  async execute({ grantId, revocation }: PreviewRevocationQuery): Promise<RevocationPreview> {
    const { state } = await this.commands.load(grantStream(grantId), revokeGrantDecider);
    // The reason is the person's to write when confirming; the amounts do not depend on it.
    const [event] = revokeGrant(
      {
        ...revocation,
        grantId,
        reason: 'Vorschau',
        revokedAt: this.commands.now().toISOString(),
        baseRates: this.baseRates,
      },
      state,
    );
    const { revokedCents, entitlementCents, refundCents, interest } = event.data as RevocationPreview;
    return { revokedCents, entitlementCents, refundCents, interest };
  }
}
