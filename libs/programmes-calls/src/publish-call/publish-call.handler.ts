import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { callStream } from '../call';
import { publishCallDecider } from './publish-call.decide';

export class PublishCallCommand extends Command<CommandAccepted> {
  constructor(readonly callId: string) {
    super();
  }
}

@CommandHandler(PublishCallCommand)
export class PublishCallHandler implements ICommandHandler<PublishCallCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ callId }: PublishCallCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(callStream(callId), publishCallDecider, {
      callId,
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(callId, outcome.revision);
  }
}
