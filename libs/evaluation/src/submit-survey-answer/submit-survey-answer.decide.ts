import type { Decider } from '@app/eventsourcing';
import { assertWindowOpen, checkedAnswers, type GivenAnswer, surveyForRecipient } from '../answer-rules';
import { AnswerAlreadySubmitted } from '../errors';
import {
  evolveSurveyAnswer,
  initialSurveyAnswerState,
  type SurveyAnswerEvent,
  type SurveyAnswerState,
  type SurveyFacts,
} from '../survey-answer';

export interface SubmitSurveyAnswer {
  ags: string;
  answers: GivenAnswer[];
  /** Outside facts: the survey as its stream says, and the time. */
  survey: SurveyFacts;
  now: string;
}

/** A recipient answers once, inside the window; later changes are revisions. */
export function submitSurveyAnswer(
  command: SubmitSurveyAnswer,
  state: SurveyAnswerState,
): SurveyAnswerEvent[] {
  const { survey, recipient } = surveyForRecipient(command.survey, command.ags);
  assertWindowOpen(survey, command.now);
  if (state.status !== 'none') throw new AnswerAlreadySubmitted(survey.surveyId, command.ags);
  const answers = checkedAnswers(survey, recipient, command.answers);
  return [
    {
      type: 'SurveyAnswerSubmitted',
      data: { surveyId: survey.surveyId, ags: command.ags, answers, answeredAt: command.now },
    },
  ];
}

export const submitSurveyAnswerDecider: Decider<SubmitSurveyAnswer, SurveyAnswerEvent, SurveyAnswerState> = {
  decide: submitSurveyAnswer,
  evolve: evolveSurveyAnswer,
  initialState: initialSurveyAnswerState,
};
