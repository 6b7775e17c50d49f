import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, IsPlausibleDate, Refuses } from '@app/shared';
import { PayDisbursementCommand } from './pay-disbursement.handler';
import {
  DisbursementAlreadyPaid,
  GrantFullyRevoked,
  PaymentBeyondEntitlement,
  PaymentDateInvalid,
} from '../errors/disbursement-errors';

export class PayDisbursementDto {
  @ApiProperty({ example: '2012-03-15', description: 'The day the money left the Land’s account' })
  @IsPlausibleDate()
  paidOn: string;
}

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants/:grantId/disbursements/:disbursementId/payment')
export class PayDisbursementController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office records the payment of a requested disbursement: refund interest runs from it. */
  @Post()
  @Refuses(DisbursementAlreadyPaid, GrantFullyRevoked, PaymentBeyondEntitlement, PaymentDateInvalid)
  @Roles('grants-office')
  pay(
    @Param('grantId', IdPipe) grantId: string,
    @Param('disbursementId', IdPipe) disbursementId: string,
    @Body() body: PayDisbursementDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new PayDisbursementCommand(grantId, disbursementId, body.paidOn));
  }
}
