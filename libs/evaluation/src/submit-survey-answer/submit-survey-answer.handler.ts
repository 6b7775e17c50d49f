import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { surveyAnswerStream } from '../survey-answer';
import { givenAnswers, type SurveyAnswerDto } from '../survey-answer.dto';
import { loadSurveyFacts } from '../survey-facts';
import { submitSurveyAnswerDecider } from './submit-survey-answer.decide';

export class SubmitSurveyAnswerCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly surveyId: string,
    readonly body: SurveyAnswerDto,
  ) {
    super();
  }
}

@CommandHandler(SubmitSurveyAnswerCommand)
export class SubmitSurveyAnswerHandler implements ICommandHandler<SubmitSurveyAnswerCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ principal, surveyId, body }: SubmitSurveyAnswerCommand): Promise<CommandAccepted> {
    const ags = principal.ags;
    if (!ags) throw new NotFound('Survey', surveyId);
    const outcome = await this.commands.run(
      surveyAnswerStream(surveyId, ags),
      submitSurveyAnswerDecider,
      async () => ({
        ags,
        answers: givenAnswers(body),
        survey: await loadSurveyFacts(this.commands, surveyId),
        now: this.commands.now().toISOString(),
      }),
    );
    return CommandAccepted.of(`${surveyId}.${ags}`, outcome.revision);
  }
}
