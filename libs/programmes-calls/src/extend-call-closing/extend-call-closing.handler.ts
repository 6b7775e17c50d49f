import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { callStream, type ClosingRule, evolveCall, initialCallState } from '../call';
import { callClosing, loadHolidayRegion } from '../call-closing';
import { extendCallClosingDecider } from './extend-call-closing.decide';

export class ExtendCallClosingCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly callId: string,
    readonly closing: { date: string; rule: ClosingRule },
    readonly reason: string,
  ) {
    super();
  }
}

@CommandHandler(ExtendCallClosingCommand)
export class ExtendCallClosingHandler implements ICommandHandler<ExtendCallClosingCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ principal, callId, closing, reason }: ExtendCallClosingCommand): Promise<CommandAccepted> {
    const { state } = await this.commands.load(callStream(callId), {
      evolve: evolveCall,
      initialState: initialCallState,
    });
    const region =
      state.status === 'none' ? 'NW' : await loadHolidayRegion(this.commands, state.terms.programmeId);
    const next = callClosing(closing.date, closing.rule, region);
    const outcome = await this.commands.run(callStream(callId), extendCallClosingDecider, {
      callId,
      closing: next.closing,
      closesAt: next.closesAt,
      reason,
      by: principal.subject,
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(callId, outcome.revision);
  }
}
