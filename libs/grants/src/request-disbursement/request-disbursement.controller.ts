import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, IsPlausibleDate, Refuses } from '@app/shared';
import { MAX_CENTS } from '../issue-grant-notice/grant-notice.dto';
import { type DisbursementAccepted, RequestDisbursementCommand } from './request-disbursement.handler';
import {
  DisbursementAmountNotPositive,
  DisbursementBeyondGrant,
  DisbursementBeyondWindow,
  DisbursementDueDatePassed,
  DisbursementOutsidePeriod,
  GrantFullyRevoked,
} from '../errors/disbursement-errors';

export class RequestDisbursementDto {
  @ApiProperty({ example: 2_000_000 }) @IsInt() @Min(1) @Max(MAX_CENTS) amountCents: number;
  @ApiProperty({ example: '2012-04-30', description: 'When the payments the funds are for fall due' })
  @IsPlausibleDate()
  dueDate: string;
}

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants/:grantId/disbursements')
export class RequestDisbursementController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The municipality calls funds of its own grant for payments due within the notice's window. */
  @Post()
  @Refuses(
    DisbursementAmountNotPositive,
    DisbursementBeyondGrant,
    DisbursementBeyondWindow,
    DisbursementDueDatePassed,
    DisbursementOutsidePeriod,
    GrantFullyRevoked,
  )
  @Roles('municipality')
  request(
    @CurrentPrincipal() principal: Principal,
    @Param('grantId', IdPipe) grantId: string,
    @Body() body: RequestDisbursementDto,
  ): Promise<DisbursementAccepted> {
    return this.commandBus.execute(
      new RequestDisbursementCommand(principal, grantId, body.amountCents, body.dueDate),
    );
  }
}
