import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { ProjectionRunner } from '@app/eventsourcing';
import { loadCallCommitments } from '../load-call-commitments';
import { leadPopulation, loadSubmission } from '../load-submission';
import { type Outcome, selectionStream } from '../selection';
import { decideOnSubmissionDecider } from './decide-on-submission.decide';

export class DecideOnSubmissionCommand extends Command<CommandAccepted> {
  constructor(
    readonly applicationId: string,
    readonly outcome: Outcome,
    readonly reasons: string[],
    readonly limitOverride?: { reason: string },
  ) {
    super();
  }
}

@CommandHandler(DecideOnSubmissionCommand)
export class DecideOnSubmissionHandler implements ICommandHandler<DecideOnSubmissionCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly registry: MunicipalityRegistry,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({
    applicationId,
    outcome,
    reasons,
    limitOverride,
  }: DecideOnSubmissionCommand): Promise<CommandAccepted> {
    const result = await this.commands.run(
      selectionStream(applicationId),
      decideOnSubmissionDecider,
      async () => {
        const submission = await loadSubmission(this.commands, applicationId);
        return {
          submission,
          outcome,
          reasons,
          population: leadPopulation(this.registry, submission),
          committed:
            outcome === 'selected' && submission.status === 'submitted'
              ? await loadCallCommitments(this.commands, this.projections, submission.callId, applicationId)
              : { selected: 0, amountCents: 0 },
          ...(limitOverride && { limitOverride }),
          now: this.commands.now().toISOString(),
        };
      },
    );
    return CommandAccepted.of(applicationId, result.revision);
  }
}
