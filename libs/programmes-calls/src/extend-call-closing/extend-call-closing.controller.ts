import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { CallClosingDto } from '../draft-call/draft-call.controller';
import { CallNotPublished, ChangeReasonMissing, ClosingNotLater } from '../errors';
import { ExtendCallClosingCommand } from './extend-call-closing.handler';

export class ExtendCallClosingDto {
  @ApiProperty({ type: CallClosingDto, description: 'the new closing day and its rule' })
  @IsObject()
  @ValidateNested()
  @Type(() => CallClosingDto)
  closing: CallClosingDto;

  @ApiProperty({ example: 'Verlängert wegen der Osterferien' })
  @IsString()
  @MaxLength(2000)
  reason: string;
}

@ApiTags('programmes and calls')
@ApiBearerAuth()
@Controller('calls/:callId/closing-extensions')
export class ExtendCallClosingController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office extends a published call's closing, with its reason; the call-closes deadline follows. */
  @Post()
  @HttpCode(201)
  @Refuses(CallNotPublished, ChangeReasonMissing, ClosingNotLater)
  @Roles('grants-office')
  extend(
    @CurrentPrincipal() principal: Principal,
    @Param('callId', IdPipe) callId: string,
    @Body() body: ExtendCallClosingDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new ExtendCallClosingCommand(principal, callId, body.closing, body.reason),
    );
  }
}
