import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { grantStream } from '../grant';
import { returnProofOfUseDecider } from './return-proof-of-use.decide';

export class ReturnProofOfUseCommand extends Command<CommandAccepted> {
  constructor(
    readonly grantId: string,
    readonly remarks: string,
  ) {
    super();
  }
}

@CommandHandler(ReturnProofOfUseCommand)
export class ReturnProofOfUseHandler implements ICommandHandler<ReturnProofOfUseCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ grantId, remarks }: ReturnProofOfUseCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(grantStream(grantId), returnProofOfUseDecider, {
      grantId,
      remarks,
      returnedAt: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(grantId, outcome.revision);
  }
}
