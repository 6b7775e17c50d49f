import { ApiProperty } from '@nestjs/swagger';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { grantStream } from '../grant';
import { acceptProofOfUseDecider } from './accept-proof-of-use.decide';

export class ProofOfUseAcceptance extends CommandAccepted {
  @ApiProperty({
    description: 'Paid out beyond the public money used, to be claimed back by a revocation',
  })
  refundableCents: number;
}

export class AcceptProofOfUseCommand extends Command<ProofOfUseAcceptance> {
  constructor(readonly grantId: string) {
    super();
  }
}

@CommandHandler(AcceptProofOfUseCommand)
export class AcceptProofOfUseHandler implements ICommandHandler<AcceptProofOfUseCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ grantId }: AcceptProofOfUseCommand): Promise<ProofOfUseAcceptance> {
    const outcome = await this.commands.run(grantStream(grantId), acceptProofOfUseDecider, {
      grantId,
      acceptedAt: this.commands.now().toISOString(),
    });
    const event = outcome.events[0];
    return Object.assign(CommandAccepted.of(grantId, outcome.revision), {
      refundableCents: event.type === 'ProofOfUseAccepted' ? event.data.refundableCents : 0,
    });
  }
}
