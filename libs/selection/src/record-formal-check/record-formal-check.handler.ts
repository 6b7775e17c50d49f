import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { loadSubmission } from '../load-submission';
import { selectionStream } from '../selection';
import { recordFormalCheckDecider } from './record-formal-check.decide';

export class RecordFormalCheckCommand extends Command<CommandAccepted> {
  constructor(
    readonly applicationId: string,
    readonly officeReasons: string[],
  ) {
    super();
  }
}

@CommandHandler(RecordFormalCheckCommand)
export class RecordFormalCheckHandler implements ICommandHandler<RecordFormalCheckCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ applicationId, officeReasons }: RecordFormalCheckCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(
      selectionStream(applicationId),
      recordFormalCheckDecider,
      async () => ({
        submission: await loadSubmission(this.commands, applicationId),
        officeReasons,
        now: this.commands.now().toISOString(),
      }),
    );
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
