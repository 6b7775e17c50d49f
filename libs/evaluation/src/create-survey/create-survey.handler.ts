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
import { loadProgrammeRules } from '@app/programmes-calls';
import { evaluationStream, evolveEvaluation, initialEvaluationState } from '../evaluation';
import { inPhaseOrder, programmePhases } from '../programme-phases';
import { participantsOf, participantsProjection } from '../queries/participants.projection';
import { type PhaseName, type SurveyRecipient, surveyStream } from '../survey';
import type { CreateSurveyDto } from './create-survey.dto';
import { createSurveyDecider } from './create-survey.decide';
import { type QuestionInput, withPhaseIds } from './question-phases';

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
    const programmeId = evaluation.status === 'none' ? undefined : evaluation.programmeId;
    // The phases every version of the programme's terms has named, as its own stream says now.
    const phases = programmeId ? programmePhases(await loadProgrammeRules(this.commands, programmeId)) : [];
    // Phases stated by number are converted here, by the programme's terms; refused if they name none.
    // (Without an evaluation there is no programme: the decision refuses that first.)
    const questions = programmeId
      ? body.questions.map((q) => withPhaseIds(toQuestion(q), { programmeId, phases }))
      : [];
    // Recipients are "every participating municipality" now: the read model must have seen every grant notice stored so far.
    await this.projections.waitFor(await this.store.headPosition());
    const outcome = await this.commands.run(surveyStream(surveyId), createSurveyDecider, {
      surveyId,
      evaluationId,
      title: body.title,
      questions,
      scale: { steps: body.scale.steps.map(({ stepId, label }) => ({ stepId, label })) },
      window: {
        opensOn: body.opensOn,
        closesOn: body.closesOn,
        opensAt: startOfDayInZone(body.opensOn).toISOString(),
        closesAt: endOfDayInBerlin(body.closesOn).toISOString(),
      },
      evaluation,
      phases,
      participants: programmeId ? this.participants(programmeId, phases) : [],
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(surveyId, outcome.revision);
  }

  /**
   * Every municipality holding a grant notice of the programme, with the phase it joined in: the
   * first, in the programme's order, of its grants' phases (none where they name none).
   */
  private participants(programmeId: string, phases: PhaseName[]): SurveyRecipient[] {
    return participantsOf(this.projections.state(participantsProjection), programmeId).map((p) => {
      const municipality = this.registry.find(p.ags);
      const [phaseId] = inPhaseOrder(phases, p.phaseIds);
      return {
        ags: p.ags,
        name: municipality?.name ?? p.ags,
        ...(phaseId !== undefined && { phaseId }),
        municipalityType: municipality?.type ?? 'unknown',
      };
    });
  }
}

/** Only the fields given, so that the recorded question is canonical. */
function toQuestion(dto: CreateSurveyDto['questions'][number]): QuestionInput {
  return JSON.parse(JSON.stringify(dto)) as QuestionInput;
}
