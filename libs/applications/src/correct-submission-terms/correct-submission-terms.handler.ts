import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/eventsourcing';
import { loadProgrammeRules } from '@app/programmes-calls';
import { CommandAccepted, CommandService } from '@app/shared';
import { loadCallFacts } from '../application-access';
import { applicationStream } from '../expression-of-interest';
import { correctSubmissionTermsDecider } from './correct-submission-terms.decide';

export class CorrectSubmissionTermsCommand extends Command<CommandAccepted> {
  constructor(
    readonly applicationId: string,
    readonly version: number,
    readonly reason: string,
  ) {
    super();
  }
}

@CommandHandler(CorrectSubmissionTermsCommand)
export class CorrectSubmissionTermsHandler implements ICommandHandler<CorrectSubmissionTermsCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ applicationId, version, reason }: CorrectSubmissionTermsCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(
      applicationStream(applicationId),
      correctSubmissionTermsDecider,
      async (state) => {
        if (state.status === 'none') throw new NotFound('Expression of interest', applicationId);
        // The programme is the call's: its stream says which versions of the terms exist now.
        const { programmeId } = await loadCallFacts(this.commands, state.callId);
        return {
          applicationId,
          programmeId,
          version,
          reason,
          versions: await loadProgrammeRules(this.commands, programmeId),
          now: this.commands.now().toISOString(),
        };
      },
    );
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
