import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, IfMatchRevision, Refuses } from '@app/shared';
import { SurveyAnswerDto } from '../survey-answer.dto';
import { ReviseSurveyAnswerCommand } from './revise-survey-answer.handler';
import { AnswerNotSubmitted, InvalidScaleStep, SurveyClosed } from '../errors';

@ApiTags('surveys')
@ApiBearerAuth()
@Controller('surveys/:surveyId/answers/mine')
export class ReviseSurveyAnswerController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The municipality replaces its answer as a whole, until the survey closes. */
  @Put()
  @Refuses(AnswerNotSubmitted, InvalidScaleStep, SurveyClosed)
  @Roles('municipality')
  @ApiHeader({ name: 'If-Match', required: false, description: 'revision last read, e.g. "0"' })
  revise(
    @CurrentPrincipal() principal: Principal,
    @Param('surveyId', IdPipe) surveyId: string,
    @Body() body: SurveyAnswerDto,
    @IfMatchRevision() expectedRevision?: number,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new ReviseSurveyAnswerCommand(principal, surveyId, body, expectedRevision),
    );
  }
}
