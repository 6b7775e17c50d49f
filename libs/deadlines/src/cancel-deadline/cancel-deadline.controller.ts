import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { CancelDeadlineCommand } from './cancel-deadline.handler';
import { DeadlineClosed, DeadlineFollowsItsCause, ReasonMissing } from '../errors';

export class CancelDeadlineDto {
  @ApiProperty({ example: 'Zuwendungsbescheid widerrufen' })
  @IsString()
  @MaxLength(2000)
  reason: string;
}

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('deadlines/:deadlineId/cancellation')
export class CancelDeadlineController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office drops an obligation that no longer applies; pending reminders are removed. */
  @Post()
  @HttpCode(200)
  @Refuses(DeadlineClosed, DeadlineFollowsItsCause, ReasonMissing)
  @Roles('grants-office')
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('deadlineId', IdPipe) deadlineId: string,
    @Body() body: CancelDeadlineDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new CancelDeadlineCommand(principal, deadlineId, body.reason));
  }
}
