import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { AssessmentDto, assessmentInput } from '../assessment.dto';
import { ReviseAssessmentCommand } from './revise-assessment.handler';
import { NoAssessmentToRevise, ScoreOutOfRange } from '../errors';

@ApiTags('selection')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/assessments/mine')
export class ReviseAssessmentController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The assessor revises their own assessment; the first one stays in the history. */
  @Put()
  @Refuses(NoAssessmentToRevise, ScoreOutOfRange)
  @Roles('grants-office')
  revise(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
    @Body() body: AssessmentDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new ReviseAssessmentCommand(principal, applicationId, assessmentInput(body)),
    );
  }
}
