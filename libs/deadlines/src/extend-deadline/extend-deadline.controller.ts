import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, IsPlausibleDate, Refuses } from '@app/shared';
import { ExtendDeadlineCommand } from './extend-deadline.handler';
import {
  DeadlineClosed,
  DeadlineFollowsItsCause,
  ExtensionIntoPast,
  ExtensionNotLater,
  ReasonMissing,
} from '../errors';

export class ExtendDeadlineDto {
  @ApiProperty({ example: '2012-06-29', description: 'The new last day as stated; § 193 BGB applies' })
  @IsPlausibleDate()
  dueDate: string;

  @ApiProperty({ example: 'Kreistag tagt erst am 28. Juni' })
  @IsString()
  @MaxLength(2000)
  reason: string;
}

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('deadlines/:deadlineId/extensions')
export class ExtendDeadlineController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office grants more time, with a reason; the reminders are planned anew. */
  @Post()
  @HttpCode(201)
  @Refuses(DeadlineClosed, DeadlineFollowsItsCause, ExtensionIntoPast, ExtensionNotLater, ReasonMissing)
  @Roles('grants-office')
  extend(
    @CurrentPrincipal() principal: Principal,
    @Param('deadlineId', IdPipe) deadlineId: string,
    @Body() body: ExtendDeadlineDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new ExtendDeadlineCommand(principal, deadlineId, body.dueDate, body.reason),
    );
  }
}
