import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { CouncilResolutionCorrectionDto } from '../council-resolution.dto';
import { CorrectCouncilResolutionCommand } from './correct-council-resolution.handler';
import { CorrectionReasonMissing, CorrectionWithoutChange, NotResolutionOwner } from '../errors';

@ApiTags('council resolutions')
@ApiBearerAuth()
@Controller('council-resolutions/:resolutionId/corrections')
export class CorrectCouncilResolutionController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The municipality whose council decided restates the whole resolution, with a reason. */
  @Post()
  @Refuses(CorrectionReasonMissing, CorrectionWithoutChange, NotResolutionOwner)
  @Roles('municipality')
  correct(
    @CurrentPrincipal() principal: Principal,
    @Param('resolutionId', IdPipe) resolutionId: string,
    @Body() body: CouncilResolutionCorrectionDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new CorrectCouncilResolutionCommand(principal, resolutionId, body));
  }
}
