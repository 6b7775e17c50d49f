import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { SurveyAnswerDto } from '../survey-answer.dto';
import { SubmitSurveyAnswerCommand } from './submit-survey-answer.handler';
import {
  AnswerAlreadySubmitted,
  AnswerDoesNotMatchQuestion,
  DuplicateAnswer,
  InvalidScaleStep,
  QuestionNotAsked,
  SurveyAnswerIncomplete,
  SurveyClosed,
  SurveyNotOpenYet,
  UnknownQuestion,
} from '../errors';

@ApiTags('surveys')
@ApiBearerAuth()
@Controller('surveys/:surveyId/answers')
export class SubmitSurveyAnswerController {
  constructor(private readonly commandBus: CommandBus) {}

  /** A recipient municipality answers once, between 00:00 Berlin on the first and 24:00 on the last day. */
  @Post()
  @Refuses(
    AnswerAlreadySubmitted,
    AnswerDoesNotMatchQuestion,
    DuplicateAnswer,
    InvalidScaleStep,
    QuestionNotAsked,
    SurveyAnswerIncomplete,
    SurveyClosed,
    SurveyNotOpenYet,
    UnknownQuestion,
  )
  @Roles('municipality')
  submit(
    @CurrentPrincipal() principal: Principal,
    @Param('surveyId', IdPipe) surveyId: string,
    @Body() body: SurveyAnswerDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new SubmitSurveyAnswerCommand(principal, surveyId, body));
  }
}
