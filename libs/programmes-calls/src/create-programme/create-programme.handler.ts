import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import {
  HOLIDAY_REGION_OF_THE_REGISTRY,
  type ProgrammeCreatedData,
  type ProgrammeSender,
  programmeStream,
} from '../programme';
import { createProgrammeDecider } from './create-programme.decide';

export class CreateProgrammeCommand extends Command<CommandAccepted> {
  constructor(
    readonly input: {
      programmeId?: string;
      title: string;
      shortTitle?: string;
      description?: string;
      sender?: ProgrammeSender;
      holidayRegion?: string;
    },
  ) {
    super();
  }
}

@CommandHandler(CreateProgrammeCommand)
export class CreateProgrammeHandler implements ICommandHandler<CreateProgrammeCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ input }: CreateProgrammeCommand): Promise<CommandAccepted> {
    const programmeId = input.programmeId ?? this.commands.newId('programme');
    // Through JSON, so that absent fields stay absent in the event instead of becoming undefined.
    const created = JSON.parse(
      JSON.stringify({
        programmeId,
        title: input.title,
        shortTitle: input.shortTitle,
        description: input.description,
        sender: input.sender ? { name: input.sender.name, email: input.sender.email } : { name: input.title },
        holidayRegion: input.holidayRegion ?? HOLIDAY_REGION_OF_THE_REGISTRY,
      }),
    ) as ProgrammeCreatedData;
    const outcome = await this.commands.run(programmeStream(programmeId), createProgrammeDecider, created);
    return CommandAccepted.of(programmeId, outcome.revision);
  }
}
