import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { ExpressionOfInterestDto } from '../expression-of-interest.dto';
import { DraftExpressionOfInterestCommand } from './draft-expression-of-interest.handler';
import {
  ApplicantNotEligible,
  CallClosed,
  ExpressionOfInterestExists,
  InvalidJointApplication,
  UnknownMunicipality,
  CallNotOpenYet,
} from '../errors';

@ApiTags('expressions of interest')
@ApiBearerAuth()
@Controller('calls/:callId/expressions-of-interest')
export class DraftExpressionOfInterestController {
  constructor(private readonly commandBus: CommandBus) {}

  /** A municipality drafts its expression of interest, alone or as lead of a joint application. */
  @Post()
  @Refuses(
    CallNotOpenYet,
    ApplicantNotEligible,
    CallClosed,
    ExpressionOfInterestExists,
    InvalidJointApplication,
    UnknownMunicipality,
  )
  @Roles('municipality')
  draft(
    @CurrentPrincipal() principal: Principal,
    @Param('callId', IdPipe) callId: string,
    @Body() body: ExpressionOfInterestDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new DraftExpressionOfInterestCommand(principal, callId, body));
  }
}
