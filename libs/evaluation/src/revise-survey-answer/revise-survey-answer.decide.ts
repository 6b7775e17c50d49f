import { canonicalJson, type Decider } from '@app/eventsourcing';
import { assertWindowOpen, checkedAnswers, type GivenAnswer, surveyForRecipient } from '../answer-rules';
import { AnswerNotSubmitted } from '../errors';
import {
  evolveSurveyAnswer,
  initialSurveyAnswerState,
  type SurveyAnswerEvent,
  type SurveyAnswerState,
  type SurveyFacts,
} from '../survey-answer';

export interface ReviseSurveyAnswer {
  ags: string;
  answers: GivenAnswer[];
  survey: SurveyFacts;
  now: string;
}

/** A submitted answer may be replaced as a whole until the survey closes; the same answer again changes nothing. */
export function reviseSurveyAnswer(
  command: ReviseSurveyAnswer,
  state: SurveyAnswerState,
): SurveyAnswerEvent[] {
  const { survey, recipient } = surveyForRecipient(command.survey, command.ags);
  assertWindowOpen(survey, command.now);
  if (state.status === 'none') throw new AnswerNotSubmitted(survey.surveyId);
  const answers = checkedAnswers(survey, recipient, command.answers);
  if (canonicalJson(answers) === canonicalJson(state.answers)) return [];
  return [
    {
      type: 'SurveyAnswerRevised',
      data: { surveyId: survey.surveyId, ags: command.ags, answers, answeredAt: command.now },
    },
  ];
}

export const reviseSurveyAnswerDecider: Decider<ReviseSurveyAnswer, SurveyAnswerEvent, SurveyAnswerState> = {
  decide: reviseSurveyAnswer,
  evolve: evolveSurveyAnswer,
  initialState: initialSurveyAnswerState,
};
