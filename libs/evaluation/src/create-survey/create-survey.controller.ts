import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { CreateSurveyDto } from './create-survey.dto';
import { CreateSurveyCommand } from './create-survey.handler';
import {
  CriterionNotInEvaluation,
  SurveyScaleInvalid,
  DuplicateQuestion,
  QuestionPhaseWithoutRecipients,
  PhaseNumberNotMappable,
  PhaseStatedTwice,
  UnknownPhase,
  SurveyExists,
  SurveyIdReserved,
  SurveyWindowInvalid,
  SurveyWindowPassed,
  SurveyWithoutRecipients,
} from '../errors';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('evaluations/:evaluationId/surveys')
export class CreateSurveyController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * The grants office surveys every municipality that participates in the programme (holds a
   * grant notice); recipients, their phase and type are fixed now. A question names the phases it
   * is for by the ids of the programme's terms (`phaseIds`); phase numbers (`phases`) are still
   * taken where the terms name the phase `phase-<n>`.
   */
  @Post()
  @Refuses(
    SurveyScaleInvalid,
    CriterionNotInEvaluation,
    DuplicateQuestion,
    QuestionPhaseWithoutRecipients,
    UnknownPhase,
    PhaseNumberNotMappable,
    PhaseStatedTwice,
    SurveyExists,
    SurveyIdReserved,
    SurveyWindowInvalid,
    SurveyWindowPassed,
    SurveyWithoutRecipients,
  )
  @Roles('grants-office')
  create(
    @Param('evaluationId', IdPipe) evaluationId: string,
    @Body() body: CreateSurveyDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new CreateSurveyCommand(evaluationId, body));
  }
}
