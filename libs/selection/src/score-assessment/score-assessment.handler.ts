import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { loadSubmission } from '../load-submission';
import { selectionStream } from '../selection';
import { scoreAssessmentDecider } from './score-assessment.decide';

export interface AssessmentInput {
  scores: { criterionId: string; score: number }[];
  comment?: string;
  assessorName?: string;
}

export class ScoreAssessmentCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly input: AssessmentInput,
  ) {
    super();
  }
}

@CommandHandler(ScoreAssessmentCommand)
export class ScoreAssessmentHandler implements ICommandHandler<ScoreAssessmentCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ principal, applicationId, input }: ScoreAssessmentCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(
      selectionStream(applicationId),
      scoreAssessmentDecider,
      async () => ({
        submission: await loadSubmission(this.commands, applicationId),
        assessor: principal.subject,
        ...input,
      }),
    );
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
