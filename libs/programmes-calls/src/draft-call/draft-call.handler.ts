import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { callStream, type CallTerms, type ClosingRule } from '../call';
import { callClosing, loadHolidayRegion } from '../call-closing';
import { ClosingNotStated, PhaseStatedTwice } from '../errors';
import { evolveProgramme, initialProgrammeState, programmeStream } from '../programme';
import { draftCallDecider } from './draft-call.decide';

export type DraftCallInput = Omit<
  CallTerms,
  'callId' | 'closesAt' | 'programmeId' | 'closing' | 'closingDate'
> & {
  callId?: string;
  /** The closing day and how it is read. */
  closing?: { date: string; rule: ClosingRule };
  /** The earlier form: the last day, kept as stated (`rule: 'fixed'`). */
  closingDate?: string;
};

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
    const { closing: stated, closingDate, ...rest } = input;
    if ((stated === undefined) === (closingDate === undefined)) throw new ClosingNotStated({});
    if (rest.phase !== undefined && rest.phaseId !== undefined && rest.phaseId !== `phase-${rest.phase}`)
      throw new PhaseStatedTwice({ phase: rest.phase, phaseId: rest.phaseId });
    const callId = input.callId ?? this.commands.newId('call');
    const programme = await this.commands.load(programmeStream(programmeId), {
      evolve: evolveProgramme,
      initialState: initialProgrammeState,
    });
    const region = await loadHolidayRegion(this.commands, programmeId);
    const { closing, closesAt } = stated
      ? callClosing(stated.date, stated.rule, region)
      : callClosing(closingDate!, 'fixed', region);
    const terms: CallTerms = {
      ...rest,
      ...(rest.phase !== undefined && rest.phaseId === undefined && { phaseId: `phase-${rest.phase}` }),
      callId,
      programmeId,
      closing,
      closingDate: closing.date,
      closesAt,
    };
    const outcome = await this.commands.run(callStream(callId), draftCallDecider, {
      terms,
      programmeExists: programme.state.status !== 'none',
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(callId, outcome.revision);
  }
}
