import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { evolveProgramme, initialProgrammeState, programmeStream } from '@app/programmes-calls';
import { CommandAccepted, CommandService } from '@app/shared';
import { type EvaluationCriterionDefinition, evaluationStream } from '../evaluation';
import { createEvaluationDecider } from './create-evaluation.decide';

export interface CreateEvaluationInput {
  evaluationId?: string;
  programmeId: string;
  title: string;
  criteria: EvaluationCriterionDefinition[];
}

export class CreateEvaluationCommand extends Command<CommandAccepted> {
  constructor(readonly input: CreateEvaluationInput) {
    super();
  }
}

@CommandHandler(CreateEvaluationCommand)
export class CreateEvaluationHandler implements ICommandHandler<CreateEvaluationCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ input }: CreateEvaluationCommand): Promise<CommandAccepted> {
    const evaluationId = input.evaluationId ?? this.commands.newId('evaluation');
    const programme = await this.commands.load(programmeStream(input.programmeId), {
      evolve: evolveProgramme,
      initialState: initialProgrammeState,
    });
    const outcome = await this.commands.run(evaluationStream(evaluationId), createEvaluationDecider, {
      evaluationId,
      programmeId: input.programmeId,
      programmeExists: programme.state.status !== 'none',
      title: input.title,
      criteria: input.criteria,
    });
    return CommandAccepted.of(evaluationId, outcome.revision);
  }
}
