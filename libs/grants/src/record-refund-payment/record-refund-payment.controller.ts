import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Roles } from '@app/identity';
import { IdPipe, IsPlausibleDate, Refuses } from '@app/shared';
import { MAX_CENTS } from '../issue-grant-notice/grant-notice.dto';
import { RecordRefundPaymentCommand, type RefundPaymentRecorded } from './record-refund-payment.handler';
import {
  NoRefundOutstanding,
  RefundPaymentDateInvalid,
  RefundPaymentExceedsOutstanding,
} from '../errors/revocation-errors';

export class RecordRefundPaymentDto {
  @ApiProperty({ example: '2014-05-20', description: 'The day the refund reached the Land’s account' })
  @IsPlausibleDate()
  paidOn: string;
  @ApiProperty({ example: 600_000, description: 'Refund principal paid back, in cents' })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents: number;
}

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants/:grantId/refunds')
export class RecordRefundPaymentController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * The grants office records a refund paid back after a revocation; paid after it was due, the
   * answer names the further interest up to the payment day.
   */
  @Post()
  @Refuses(NoRefundOutstanding, RefundPaymentDateInvalid, RefundPaymentExceedsOutstanding)
  @Roles('grants-office')
  record(
    @Param('grantId', IdPipe) grantId: string,
    @Body() body: RecordRefundPaymentDto,
  ): Promise<RefundPaymentRecorded> {
    return this.commandBus.execute(new RecordRefundPaymentCommand(grantId, body.amountCents, body.paidOn));
  }
}
