import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { leadPopulation, loadIssuedGrant, loadSubmission } from '../load-submission';
import { type Outcome, selectionStream } from '../selection';
import { correctSelectionDecisionDecider } from './correct-selection-decision.decide';

export class CorrectSelectionDecisionCommand extends Command<CommandAccepted> {
  constructor(
    readonly applicationId: string,
    readonly outcome: Outcome,
    readonly reasons: string[],
  ) {
    super();
  }
}

@CommandHandler(CorrectSelectionDecisionCommand)
export class CorrectSelectionDecisionHandler implements ICommandHandler<CorrectSelectionDecisionCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly registry: MunicipalityRegistry,
  ) {}

  async execute({
    applicationId,
    outcome,
    reasons,
  }: CorrectSelectionDecisionCommand): Promise<CommandAccepted> {
    const result = await this.commands.run(
      selectionStream(applicationId),
      correctSelectionDecisionDecider,
      async () => {
        const submission = await loadSubmission(this.commands, applicationId);
        const issuedGrantId =
          submission.status === 'submitted' ? await loadIssuedGrant(this.commands, submission) : undefined;
        return {
          submission,
          outcome,
          reasons,
          population: leadPopulation(this.registry, submission),
          ...(issuedGrantId ? { issuedGrantId } : {}),
          now: this.commands.now().toISOString(),
        };
      },
    );
    return CommandAccepted.of(applicationId, result.revision);
  }
}
