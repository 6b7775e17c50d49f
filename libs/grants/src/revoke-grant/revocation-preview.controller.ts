import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '@app/identity';
import { IdPipe, IsPlausibleDate, Refuses } from '@app/shared';
import { GrantFullyRevoked } from '../errors/disbursement-errors';
import {
  BaseRateUnknown,
  RefundDueDateInvalid,
  RevocationBeforeNotice,
  RevocationExceedsEntitlement,
  RevokedAmountInvalid,
} from '../errors/revocation-errors';
import { MAX_CENTS } from '../issue-grant-notice/grant-notice.dto';
import { PreviewRevocationQuery, type RevocationPreview } from './revocation-preview.query';

export class RevocationPreviewDto {
  @ApiProperty({ enum: ['full', 'partial'] }) @IsIn(['full', 'partial']) scope: 'full' | 'partial';
  @ApiPropertyOptional({
    description: 'Partial: the amount revoked; full: may be left out',
    example: 5_000_000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  revokedCents?: number;
  @ApiProperty({ example: '2012-03-01' }) @IsPlausibleDate() effectiveDate: string;
  @ApiProperty({ example: '2014-04-10' }) @IsPlausibleDate() refundDueDate: string;
}

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants/:grantId/revocation-preview')
export class RevocationPreviewController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The refund and its interest a revocation would set now; nothing is recorded. */
  @Get()
  @Refuses(
    BaseRateUnknown,
    GrantFullyRevoked,
    RefundDueDateInvalid,
    RevocationBeforeNotice,
    RevocationExceedsEntitlement,
    RevokedAmountInvalid,
  )
  @Roles('grants-office')
  preview(
    @Param('grantId', IdPipe) grantId: string,
    @QueryParam() query: RevocationPreviewDto,
  ): Promise<RevocationPreview> {
    return this.queryBus.execute(new PreviewRevocationQuery(grantId, query));
  }
}
