import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { loadSubmission } from '../load-submission';
import type { AssessmentInput } from '../score-assessment/score-assessment.handler';
import { selectionStream } from '../selection';
import { reviseAssessmentDecider } from './revise-assessment.decide';

export class ReviseAssessmentCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly input: AssessmentInput,
  ) {
    super();
  }
}

@CommandHandler(ReviseAssessmentCommand)
export class ReviseAssessmentHandler implements ICommandHandler<ReviseAssessmentCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ principal, applicationId, input }: ReviseAssessmentCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(
      selectionStream(applicationId),
      reviseAssessmentDecider,
      async () => ({
        submission: await loadSubmission(this.commands, applicationId),
        assessor: principal.subject,
        ...input,
      }),
    );
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
