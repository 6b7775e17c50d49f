import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, IfMatchRevision, Refuses } from '@app/shared';
import { ExpressionOfInterestDto } from '../expression-of-interest.dto';
import { ReviseExpressionOfInterestCommand } from './revise-expression-of-interest.handler';
import { AlreadySubmitted, CallClosed } from '../errors';

@ApiTags('expressions of interest')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId')
export class ReviseExpressionOfInterestController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The lead applicant replaces the content of its draft. */
  @Put()
  @Refuses(AlreadySubmitted, CallClosed)
  @Roles('municipality')
  @ApiHeader({ name: 'If-Match', required: false, description: 'revision last read, e.g. "0"' })
  revise(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
    @Body() body: ExpressionOfInterestDto,
    @IfMatchRevision() expectedRevision?: number,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new ReviseExpressionOfInterestCommand(principal, applicationId, body, expectedRevision),
    );
  }
}
