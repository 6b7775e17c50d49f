import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { type EventStore, ProjectionRunner } from '@app/eventsourcing';
import {
  CommandAccepted,
  CommandService,
  EVENT_STORE,
  endOfDayInBerlin,
  MunicipalityRegistry,
  startOfDayInZone,
} from '@app/shared';
import { evaluationStream, evolveEvaluation, initialEvaluationState } from '../evaluation';
import { participantsOf, participantsProjection } from '../queries/participants.projection';
import { type SurveyQuestion, type SurveyRecipient, surveyStream } from '../survey';
import type { CreateSurveyDto } from './create-survey.dto';
import { createSurveyDecider } from './create-survey.decide';

export class CreateSurveyCommand extends Command<CommandAccepted> {
  constructor(
    readonly evaluationId: string,
    readonly body: CreateSurveyDto,
  ) {
    super();
  }
}

@CommandHandler(CreateSurveyCommand)
export class CreateSurveyHandler implements ICommandHandler<CreateSurveyCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ evaluationId, body }: CreateSurveyCommand): Promise<CommandAccepted> {
    const surveyId = body.surveyId ?? this.commands.newId('survey');
    const { state: evaluation } = await this.commands.load(evaluationStream(evaluationId), {
      evolve: evolveEvaluation,
      initialState: initialEvaluationState,
    });
    // Recipients are "every participating municipality" now: the read model must have seen every grant notice stored so far.
    await this.projections.waitFor(await this.store.headPosition());
    const outcome = await this.commands.run(surveyStream(surveyId), createSurveyDecider, {
      surveyId,
      evaluationId,
      title: body.title,
      questions: body.questions.map(toQuestion),
      scale: { steps: body.scale.steps.map(({ stepId, label }) => ({ stepId, label })) },
      window: {
        opensOn: body.opensOn,
        closesOn: body.closesOn,
        opensAt: startOfDayInZone(body.opensOn).toISOString(),
        closesAt: endOfDayInBerlin(body.closesOn).toISOString(),
      },
      evaluation,
      participants: evaluation.status === 'none' ? [] : this.participants(evaluation.programmeId),
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(surveyId, outcome.revision);
  }

  /** Every municipality holding a grant notice of the programme, with the phase it first joined in. */
  private participants(programmeId: string): SurveyRecipient[] {
    return participantsOf(this.projections.state(participantsProjection), programmeId).map((p) => {
      const municipality = this.registry.find(p.ags);
      return {
        ags: p.ags,
        name: municipality?.name ?? p.ags,
        phase: p.firstPhase,
        municipalityType: municipality?.type ?? 'unknown',
      };
    });
  }
}

/** Only the fields given, so that the recorded question is canonical. */
function toQuestion(dto: CreateSurveyDto['questions'][number]): SurveyQuestion {
  return JSON.parse(JSON.stringify(dto)) as SurveyQuestion;
}
