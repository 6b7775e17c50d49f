import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { PublishCallCommand } from './publish-call.handler';
import { CallNotDraft, ClosingDateInPast, TermsNotInForce } from '../errors';

@ApiTags('programmes and calls')
@ApiBearerAuth()
@Controller('calls/:callId/publish')
export class PublishCallController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * The grants office publishes a drafted call; from now on municipalities can apply. Only with
   * terms: a version of the programme's terms must be in force on the call's opening day.
   */
  @Post()
  @HttpCode(200)
  @Refuses(CallNotDraft, ClosingDateInPast, TermsNotInForce)
  @Roles('grants-office')
  publish(@Param('callId', IdPipe) callId: string): Promise<CommandAccepted> {
    return this.commandBus.execute(new PublishCallCommand(callId));
  }
}
