import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  AnswerAlreadySubmitted,
  AnswerDoesNotMatchQuestion,
  DuplicateAnswer,
  InvalidScaleStep,
  QuestionNotAsked,
  SurveyAnswerIncomplete,
  SurveyClosed,
  SurveyNotOpenYet,
  UnknownQuestion,
} from '../errors';
import type { GivenAnswer } from '../answer-rules';
import type { SurveyAnswerSubmitted } from '../survey-answer';
import { KOELN, KREIS_UNNA, surveyFacts } from '../testing-fixtures';
import { submitSurveyAnswerDecider } from './submit-survey-answer.decide';

const spec = deciderSpecification(submitSurveyAnswerDecider);
const INSIDE = '2017-12-10T10:00:00.000Z';
const unnaAnswers: GivenAnswer[] = [
  { questionId: 'networks', step: 'largely' },
  { questionId: 'coordination', step: 'fully' },
];
const submit = (answers: GivenAnswer[] = unnaAnswers, now = INSIDE, ags = KREIS_UNNA.ags) => ({
  ags,
  answers,
  survey: surveyFacts(),
  now,
});
const submitted = (answers = unnaAnswers, at = INSIDE): SurveyAnswerSubmitted => ({
  type: 'SurveyAnswerSubmitted',
  data: { surveyId: 'online-survey-2017', ags: KREIS_UNNA.ags, answers: answers as never, answeredAt: at },
});

describe('submit a survey answer', () => {
  it('accepts a recipient’s answer inside the window, in question order', () =>
    spec
      .given([])
      .when(submit([...unnaAnswers].reverse()))
      .then([submitted()]));

  it('opens at 00:00 Berlin time on the first day and closes at 24:00 Berlin time on the last', () => {
    spec
      .given([])
      .when(submit(unnaAnswers, '2017-12-05T23:00:00.000Z'))
      .then([submitted(unnaAnswers, '2017-12-05T23:00:00.000Z')]);
    spec
      .given([])
      .when(submit(unnaAnswers, '2018-01-02T22:59:59.999Z'))
      .then([submitted(unnaAnswers, '2018-01-02T22:59:59.999Z')]);
  });

  it('refuses an answer before the survey opens', () =>
    spec
      .given([])
      .when(submit(unnaAnswers, '2017-12-05T22:59:59.999Z'))
      .thenThrows(SurveyNotOpenYet, 'survey-not-open-yet'));

  it('refuses an answer after the survey closed', () =>
    spec
      .given([])
      .when(submit(unnaAnswers, '2018-01-02T23:00:00.000Z'))
      .thenThrows(SurveyClosed, 'survey-closed'));

  it('refuses a second submission: the answer is revised instead', () =>
    spec.given([submitted()]).when(submit()).thenThrows(AnswerAlreadySubmitted, 'answer-already-submitted'));

  it('does not let a municipality that was not asked answer, as if the survey did not exist', () =>
    spec
      .given([])
      .when(submit(unnaAnswers, INSIDE, '05119000'))
      .thenThrows(NotFound, 'not-found'));

  it('refuses an answer to a survey that does not exist', () =>
    spec
      .given([])
      .when({ ...submit(), survey: { status: 'none', surveyId: 'nope' } })
      .thenThrows(NotFound, 'not-found'));

  it('refuses a step that is not on the scale', () =>
    spec
      .given([])
      .when(submit([{ questionId: 'networks', step: 'mostly' }, unnaAnswers[1]]))
      .thenThrows(InvalidScaleStep, 'invalid-scale-step'));

  it('refuses a text for a scale question and a step for a text question', () => {
    spec
      .given([])
      .when(submit([{ questionId: 'networks', text: 'gut' }, unnaAnswers[1]]))
      .thenThrows(AnswerDoesNotMatchQuestion, 'answer-does-not-match-question');
    spec
      .given([])
      .when(submit([...unnaAnswers, { questionId: 'remarks', step: 'fully' }]))
      .thenThrows(AnswerDoesNotMatchQuestion);
    spec
      .given([])
      .when(submit([...unnaAnswers, { questionId: 'remarks', text: '  ' }]))
      .thenThrows(AnswerDoesNotMatchQuestion);
  });

  it('refuses an unknown question id', () =>
    spec
      .given([])
      .when(submit([...unnaAnswers, { questionId: 'weather', step: 'fully' }]))
      .thenThrows(UnknownQuestion, 'unknown-question'));

  it('refuses a question answered twice', () =>
    spec
      .given([])
      .when(submit([...unnaAnswers, { questionId: 'coordination', step: 'not' }]))
      .thenThrows(DuplicateAnswer, 'duplicate-answer'));

  it('refuses an answer that leaves out a required question, but not an optional one', () =>
    spec
      .given([])
      .when(submit([unnaAnswers[1], { questionId: 'remarks', text: 'Netzwerke wachsen' }]))
      .thenThrows(SurveyAnswerIncomplete, 'survey-answer-incomplete'));

  it('refuses an answer to a question that is put only to another phase', () =>
    spec
      .given([])
      .when(submit(unnaAnswers, INSIDE, KOELN.ags))
      .thenThrows(QuestionNotAsked, 'question-not-asked'));
});
