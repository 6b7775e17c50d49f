import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Roles } from '@app/identity';
import { IdPipe, IsPlausibleDate, Refuses } from '@app/shared';
import { MAX_CENTS } from '../issue-grant-notice/grant-notice.dto';
import { type RevocationAccepted, RevokeGrantCommand } from './revoke-grant.handler';
import { GrantFullyRevoked } from '../errors/disbursement-errors';
import {
  BaseRateUnknown,
  RefundDueDateInvalid,
  RevocationBeforeNotice,
  RevocationExceedsEntitlement,
  RevocationReasonMissing,
  RevokedAmountInvalid,
} from '../errors/revocation-errors';

export class RevokeGrantDto {
  @ApiProperty({ enum: ['full', 'partial'] }) @IsIn(['full', 'partial']) scope: 'full' | 'partial';
  @ApiPropertyOptional({
    description: 'Partial: the amount revoked; full: may be left out',
    example: 5_000_000,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  revokedCents?: number;
  @ApiProperty({
    example: '2012-03-01',
    description: 'When the notice (or the revoked part) ceases to be effective',
  })
  @IsPlausibleDate()
  effectiveDate: string;
  @ApiProperty({
    example: '2014-04-10',
    description: 'The refund, with interest up to this day, is due then',
  })
  @IsPlausibleDate()
  refundDueDate: string;
  @ApiProperty({ example: 'Präventionskette nur in Teilen aufgebaut' })
  @IsString()
  @MaxLength(5000)
  reason: string;
}

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants/:grantId/revocations')
export class RevokeGrantController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office revokes a grant in full or in part; the answer names the refund and its interest. */
  @Post()
  @Refuses(
    BaseRateUnknown,
    GrantFullyRevoked,
    RefundDueDateInvalid,
    RevocationBeforeNotice,
    RevocationExceedsEntitlement,
    RevocationReasonMissing,
    RevokedAmountInvalid,
  )
  @Roles('grants-office')
  revoke(
    @Param('grantId', IdPipe) grantId: string,
    @Body() body: RevokeGrantDto,
  ): Promise<RevocationAccepted> {
    return this.commandBus.execute(new RevokeGrantCommand({ grantId, ...body }));
  }
}
