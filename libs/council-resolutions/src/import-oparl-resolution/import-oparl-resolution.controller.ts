import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { ImportOparlResolutionCommand } from './import-oparl-resolution.handler';
import { OparlImportDto } from './import-oparl-resolution.dto';
import { CouncilResolutionExists, ResultDateInFuture, SignOffAfterResult } from '../errors';

@ApiTags('council resolutions')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/council-resolutions/oparl')
export class ImportOparlResolutionController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * Records the caller's council resolution from its council information system's OParl 1.1
   * documents: the Paper, its Consultations and the authoritative AgendaItem (with Meetings and
   * Organizations for dates and committee names). Sign-offs and financial consequences, which
   * OParl does not carry, may be stated beside them.
   */
  @Post()
  @Refuses(CouncilResolutionExists, ResultDateInFuture, SignOffAfterResult)
  @Roles('municipality')
  import(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
    @Body() body: OparlImportDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new ImportOparlResolutionCommand(principal, applicationId, body));
  }
}
