import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { NotFound } from '@app/eventsourcing';
import { callStream, evolveCall, initialCallState } from '../call';
import { loadProgrammeRules } from '../load-programme-rules';
import { publishCallDecider } from './publish-call.decide';

export class PublishCallCommand extends Command<CommandAccepted> {
  constructor(readonly callId: string) {
    super();
  }
}

@CommandHandler(PublishCallCommand)
export class PublishCallHandler implements ICommandHandler<PublishCallCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ callId }: PublishCallCommand): Promise<CommandAccepted> {
    // The programme's terms are read first; the call's own stream is what the decision is made on
    // (and what concurrency is checked against).
    const { state } = await this.commands.load(callStream(callId), {
      evolve: evolveCall,
      initialState: initialCallState,
    });
    if (state.status === 'none') throw new NotFound('Call', callId);
    const termsVersions = await loadProgrammeRules(this.commands, state.terms.programmeId);
    const outcome = await this.commands.run(callStream(callId), publishCallDecider, {
      callId,
      now: this.commands.now().toISOString(),
      termsVersions,
    });
    return CommandAccepted.of(callId, outcome.revision);
  }
}
