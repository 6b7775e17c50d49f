import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { programmeStream } from '../programme';
import { createProgrammeDecider } from './create-programme.decide';

export class CreateProgrammeCommand extends Command<CommandAccepted> {
  constructor(readonly input: { programmeId?: string; title: string; description?: string }) {
    super();
  }
}

@CommandHandler(CreateProgrammeCommand)
export class CreateProgrammeHandler implements ICommandHandler<CreateProgrammeCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ input }: CreateProgrammeCommand): Promise<CommandAccepted> {
    const programmeId = input.programmeId ?? this.commands.newId('programme');
    const outcome = await this.commands.run(programmeStream(programmeId), createProgrammeDecider, {
      programmeId,
      title: input.title,
      description: input.description,
    });
    return CommandAccepted.of(programmeId, outcome.revision);
  }
}
