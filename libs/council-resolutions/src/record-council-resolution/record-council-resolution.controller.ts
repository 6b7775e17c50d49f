import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { CouncilResolutionDto } from '../council-resolution.dto';
import { RecordCouncilResolutionCommand } from './record-council-resolution.handler';
import { CouncilResolutionExists } from '../errors';

@ApiTags('council resolutions')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/council-resolutions')
export class RecordCouncilResolutionController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * A municipality taking part in the expression of interest (lead or member) records its own
   * council's resolution. The id of the record is `<applicationId>.<ags>`.
   */
  @Post()
  @Refuses(CouncilResolutionExists)
  @Roles('municipality')
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
    @Body() body: CouncilResolutionDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new RecordCouncilResolutionCommand(principal, applicationId, body));
  }
}
