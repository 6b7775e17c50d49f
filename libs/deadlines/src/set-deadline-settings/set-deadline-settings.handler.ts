import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { evolveProgramme, initialProgrammeState, programmeStream } from '@app/programmes-calls';
import { CommandAccepted, CommandService } from '@app/shared';
import { deadlineSettingsStream } from '../deadline-settings';
import { setDeadlineSettingsDecider } from './set-deadline-settings.decide';

export class SetDeadlineSettingsCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly programmeId: string,
    readonly reminderOffsetsDays: number[],
    readonly timeZone: string,
    readonly fixedDates: string[],
  ) {
    super();
  }
}

@CommandHandler(SetDeadlineSettingsCommand)
export class SetDeadlineSettingsHandler implements ICommandHandler<SetDeadlineSettingsCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute(command: SetDeadlineSettingsCommand): Promise<CommandAccepted> {
    const { programmeId } = command;
    const programme = await this.commands.load(programmeStream(programmeId), {
      evolve: evolveProgramme,
      initialState: initialProgrammeState,
    });
    const outcome = await this.commands.run(deadlineSettingsStream(programmeId), setDeadlineSettingsDecider, {
      programmeId,
      programmeExists: programme.state.status !== 'none',
      reminderOffsetsDays: command.reminderOffsetsDays,
      timeZone: command.timeZone,
      fixedDates: command.fixedDates,
      by: command.principal.subject,
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(programmeId, outcome.revision);
  }
}
