import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { SubmitExpressionOfInterestCommand } from './submit-expression-of-interest.handler';
import {
  AlreadySubmitted,
  CallNotOpen,
  CoordinatorMissing,
  CouncilResolutionMissing,
  CouncilResolutionStatementMissing,
  ExpressionOfInterestIncomplete,
  SubmissionAfterDeadline,
  CallNotOpenYet,
} from '../errors';

@ApiTags('expressions of interest')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/submit')
export class SubmitExpressionOfInterestController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The lead applicant submits before 24:00 Berlin time on the closing date. */
  @Post()
  @HttpCode(200)
  @Refuses(
    CallNotOpenYet,
    AlreadySubmitted,
    CallNotOpen,
    CoordinatorMissing,
    CouncilResolutionMissing,
    CouncilResolutionStatementMissing,
    ExpressionOfInterestIncomplete,
    SubmissionAfterDeadline,
  )
  @Roles('municipality')
  submit(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new SubmitExpressionOfInterestCommand(principal, applicationId));
  }
}
