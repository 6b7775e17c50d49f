import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { SelectionDecisionDto } from '../decision.dto';
import { DecideOnSubmissionCommand } from './decide-on-submission.handler';
import {
  CallStillOpen,
  FormalCheckMissing,
  FormalCheckNotPassed,
  NoFundingTier,
  NotSubmitted,
  ReasonsRequired,
  SelectionAlreadyDecided,
  ParticipantCapReached,
  BudgetExceeded,
} from '../errors';

@ApiTags('selection')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/decision')
export class DecideOnSubmissionController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office selects, rejects or waitlists a submission, once, with reasons. */
  @Post()
  @Refuses(
    CallStillOpen,
    FormalCheckMissing,
    FormalCheckNotPassed,
    NoFundingTier,
    NotSubmitted,
    ReasonsRequired,
    SelectionAlreadyDecided,
    ParticipantCapReached,
    BudgetExceeded,
  )
  @Roles('grants-office')
  decide(
    @Param('applicationId', IdPipe) applicationId: string,
    @Body() body: SelectionDecisionDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new DecideOnSubmissionCommand(applicationId, body.outcome, body.reasons, body.limitOverride),
    );
  }
}
