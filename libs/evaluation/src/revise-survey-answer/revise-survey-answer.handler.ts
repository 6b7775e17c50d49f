import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { surveyForRecipient } from '../answer-rules';
import { surveyAnswerStream } from '../survey-answer';
import { givenAnswers, type SurveyAnswerDto } from '../survey-answer.dto';
import { loadSurveyFacts } from '../survey-facts';
import { reviseSurveyAnswerDecider } from './revise-survey-answer.decide';

export class ReviseSurveyAnswerCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly surveyId: string,
    readonly body: SurveyAnswerDto,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}

@CommandHandler(ReviseSurveyAnswerCommand)
export class ReviseSurveyAnswerHandler implements ICommandHandler<ReviseSurveyAnswerCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({
    principal,
    surveyId,
    body,
    expectedRevision,
  }: ReviseSurveyAnswerCommand): Promise<CommandAccepted> {
    const ags = principal.ags;
    if (!ags) throw new NotFound('Survey', surveyId);
    const outcome = await this.commands.run(
      surveyAnswerStream(surveyId, ags),
      reviseSurveyAnswerDecider,
      async () => {
        const survey = await loadSurveyFacts(this.commands, surveyId);
        // Before the If-Match check: a municipality that was not asked learns nothing (404),
        // not even that its revision would conflict (409).
        surveyForRecipient(survey, ags);
        return { ags, answers: givenAnswers(body), survey, now: this.commands.now().toISOString() };
      },
      { expectedRevision },
    );
    return CommandAccepted.of(`${surveyId}.${ags}`, outcome.revision);
  }
}
