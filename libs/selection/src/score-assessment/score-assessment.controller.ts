import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { AssessmentDto, assessmentInput } from '../assessment.dto';
import { ScoreAssessmentCommand } from './score-assessment.handler';
import {
  AssessmentAlreadyScored,
  CriterionNotScored,
  CriterionScoredTwice,
  FormalCheckNotPassed,
  NotSubmitted,
  ScoreOutOfRange,
  SelectionAlreadyDecided,
  UnknownCriterion,
} from '../errors';

@ApiTags('selection')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/assessments')
export class ScoreAssessmentController {
  constructor(private readonly commandBus: CommandBus) {}

  /** An assessor of the grants office scores a submission against the call's criteria, once. */
  @Post()
  @Refuses(
    AssessmentAlreadyScored,
    CriterionNotScored,
    CriterionScoredTwice,
    FormalCheckNotPassed,
    NotSubmitted,
    ScoreOutOfRange,
    SelectionAlreadyDecided,
    UnknownCriterion,
  )
  @Roles('grants-office')
  score(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
    @Body() body: AssessmentDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new ScoreAssessmentCommand(principal, applicationId, assessmentInput(body)),
    );
  }
}
