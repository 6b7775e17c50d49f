import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { BusinessCalendar, CommandAccepted, CommandService } from '@app/shared';
import { deadlineStream, UNSHIFTED_KINDS } from '../deadline';
import {
  deadlineSettingsStream,
  evolveDeadlineSettings,
  initialDeadlineSettingsState,
} from '../deadline-settings';
import { extendDeadlineDecider } from './extend-deadline.decide';

export class ExtendDeadlineCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly deadlineId: string,
    readonly dueDate: string,
    readonly reason: string,
  ) {
    super();
  }
}

@CommandHandler(ExtendDeadlineCommand)
export class ExtendDeadlineHandler implements ICommandHandler<ExtendDeadlineCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly calendar: BusinessCalendar,
  ) {}

  async execute({ principal, deadlineId, dueDate, reason }: ExtendDeadlineCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(
      deadlineStream(deadlineId),
      extendDeadlineDecider,
      async (state) => {
        // The new date is shifted by § 193 BGB like any other, unless its kind or the programme keeps it fixed.
        const programmeId = state.status === 'none' ? undefined : state.deadline.programmeId;
        const settings = programmeId
          ? (
              await this.commands.load(deadlineSettingsStream(programmeId), {
                evolve: evolveDeadlineSettings,
                initialState: initialDeadlineSettingsState,
              })
            ).state
          : initialDeadlineSettingsState();
        const fixed =
          (state.status !== 'none' && UNSHIFTED_KINDS.includes(state.deadline.kind)) ||
          (settings.status === 'set' && settings.settings.fixedDates.includes(dueDate));
        return {
          deadlineId,
          end: this.calendar.deadlineEnd(dueDate, { fixed }),
          reason,
          by: principal.subject,
          now: this.commands.now().toISOString(),
        };
      },
    );
    return CommandAccepted.of(deadlineId, outcome.revision);
  }
}
