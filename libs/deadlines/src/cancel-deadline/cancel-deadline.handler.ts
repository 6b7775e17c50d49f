import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { deadlineStream } from '../deadline';
import { cancelDeadlineDecider } from './cancel-deadline.decide';

export class CancelDeadlineCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly deadlineId: string,
    readonly reason: string,
  ) {
    super();
  }
}

@CommandHandler(CancelDeadlineCommand)
export class CancelDeadlineHandler implements ICommandHandler<CancelDeadlineCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ principal, deadlineId, reason }: CancelDeadlineCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(deadlineStream(deadlineId), cancelDeadlineDecider, {
      deadlineId,
      reason,
      by: principal.subject,
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(deadlineId, outcome.revision);
  }
}
