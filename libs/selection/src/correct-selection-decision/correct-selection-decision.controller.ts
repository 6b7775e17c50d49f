import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { DecisionDto } from '../decision.dto';
import { CorrectSelectionDecisionCommand } from './correct-selection-decision.handler';
import {
  CorrectionChangesNothing,
  FormalCheckNotPassed,
  GrantAlreadyIssued,
  NoDecisionToCorrect,
  ReasonsRequired,
} from '../errors';

@ApiTags('selection')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/decision/corrections')
export class CorrectSelectionDecisionController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office corrects a made decision: a new event beside it, never an edit. */
  @Post()
  @Refuses(
    CorrectionChangesNothing,
    FormalCheckNotPassed,
    GrantAlreadyIssued,
    NoDecisionToCorrect,
    ReasonsRequired,
  )
  @Roles('grants-office')
  correct(
    @Param('applicationId', IdPipe) applicationId: string,
    @Body() body: DecisionDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new CorrectSelectionDecisionCommand(applicationId, body.outcome, body.reasons),
    );
  }
}
