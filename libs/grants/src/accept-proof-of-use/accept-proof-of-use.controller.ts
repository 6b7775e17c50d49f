import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { IdPipe, Refuses } from '@app/shared';
import { AcceptProofOfUseCommand, type ProofOfUseAcceptance } from './accept-proof-of-use.handler';
import { ProofOfUseNotAwaitingReview } from '../errors/proof-of-use-errors';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants/:grantId/proof-of-use/acceptance')
export class AcceptProofOfUseController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office accepts the submitted proof of use; the answer names any overpayment to refund. */
  @Post()
  @HttpCode(200)
  @Refuses(ProofOfUseNotAwaitingReview)
  @Roles('grants-office')
  accept(@Param('grantId', IdPipe) grantId: string): Promise<ProofOfUseAcceptance> {
    return this.commandBus.execute(new AcceptProofOfUseCommand(grantId));
  }
}
