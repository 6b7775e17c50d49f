import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { type AmendableTerms, callStream } from '../call';
import { amendCallDecider } from './amend-call.decide';

export class AmendCallCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly callId: string,
    readonly changes: AmendableTerms,
    readonly reason: string,
  ) {
    super();
  }
}

@CommandHandler(AmendCallCommand)
export class AmendCallHandler implements ICommandHandler<AmendCallCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ principal, callId, changes, reason }: AmendCallCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(callStream(callId), amendCallDecider, {
      callId,
      changes,
      reason,
      by: principal.subject,
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(callId, outcome.revision);
  }
}
