import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService, endOfDayInBerlin } from '@app/shared';
import { callStream, type CallTerms } from '../call';
import { evolveProgramme, initialProgrammeState, programmeStream } from '../programme';
import { draftCallDecider } from './draft-call.decide';

export type DraftCallInput = Omit<CallTerms, 'callId' | 'closesAt' | 'programmeId'> & { callId?: string };

export class DraftCallCommand extends Command<CommandAccepted> {
  constructor(
    readonly programmeId: string,
    readonly input: DraftCallInput,
  ) {
    super();
  }
}

@CommandHandler(DraftCallCommand)
export class DraftCallHandler implements ICommandHandler<DraftCallCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ programmeId, input }: DraftCallCommand): Promise<CommandAccepted> {
    const callId = input.callId ?? this.commands.newId('call');
    const programme = await this.commands.load(programmeStream(programmeId), {
      evolve: evolveProgramme,
      initialState: initialProgrammeState,
    });
    const terms: CallTerms = {
      ...input,
      callId,
      programmeId,
      closesAt: endOfDayInBerlin(input.closingDate).toISOString(),
    };
    const outcome = await this.commands.run(callStream(callId), draftCallDecider, {
      terms,
      programmeExists: programme.state.status !== 'none',
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(callId, outcome.revision);
  }
}
