import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { IsReasons } from '../reasons.dto';
import { RecordFormalCheckCommand } from './record-formal-check.handler';
import { CallStillOpen, NotSubmitted, SelectionAlreadyDecided } from '../errors';

export class FormalCheckDto {
  @ApiPropertyOptional({
    type: [String],
    description: "The office's own grounds, recorded after those the facts give",
    example: ['Unterlagen vollständig'],
  })
  @IsOptional()
  @IsReasons()
  reasons?: string[];
}

@ApiTags('selection')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/formal-check')
export class RecordFormalCheckController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office records the formal check; the system works out each check from the facts. */
  @Post()
  @Refuses(CallStillOpen, NotSubmitted, SelectionAlreadyDecided)
  @Roles('grants-office')
  record(
    @Param('applicationId', IdPipe) applicationId: string,
    @Body() body: FormalCheckDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new RecordFormalCheckCommand(applicationId, body.reasons ?? []));
  }
}
