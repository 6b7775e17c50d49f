import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { NotFound } from '@app/eventsourcing';
import { AnswerNotSubmitted, InvalidScaleStep, SurveyClosed } from '../errors';
import type { SurveyAnswerSubmitted } from '../survey-answer';
import { DORTMUND, KREIS_UNNA, surveyFacts } from '../testing-fixtures';
import { reviseSurveyAnswerDecider } from './revise-survey-answer.decide';

const spec = deciderSpecification(reviseSurveyAnswerDecider);
const first: SurveyAnswerSubmitted = {
  type: 'SurveyAnswerSubmitted',
  data: {
    surveyId: 'online-survey-2017',
    ags: KREIS_UNNA.ags,
    answers: [
      { questionId: 'networks', step: 'partly' },
      { questionId: 'coordination', step: 'fully' },
    ],
    answeredAt: '2017-12-10T10:00:00.000Z',
  },
};
const revised = [
  { questionId: 'networks', step: 'largely' },
  { questionId: 'coordination', step: 'fully' },
  { questionId: 'remarks', text: 'Das Netzwerk trägt.' },
];
const revise = (answers = revised, now = '2018-01-02T22:00:00.000Z', ags = KREIS_UNNA.ags) => ({
  ags,
  answers,
  survey: surveyFacts(),
  now,
});

describe('revise a survey answer', () => {
  it('replaces the answer until the survey closes', () =>
    spec
      .given([first])
      .when(revise())
      .then([
        {
          type: 'SurveyAnswerRevised',
          data: {
            surveyId: 'online-survey-2017',
            ags: KREIS_UNNA.ags,
            answers: revised as never,
            answeredAt: '2018-01-02T22:00:00.000Z',
          },
        },
      ]));

  it('records nothing when the answer is the same', () =>
    spec
      .given([first])
      .when(revise(first.data.answers as never))
      .then([]));

  it('refuses a revision after the survey closed', () =>
    spec
      .given([first])
      .when(revise(revised, '2018-01-02T23:00:00.000Z'))
      .thenThrows(SurveyClosed, 'survey-closed'));

  it('refuses to revise an answer that was never submitted', () =>
    spec.given([]).when(revise()).thenThrows(AnswerNotSubmitted, 'answer-not-submitted'));

  it('checks a revision like a submission', () =>
    spec
      .given([first])
      .when(revise([{ questionId: 'networks', step: 'completely' }, revised[1]]))
      .thenThrows(InvalidScaleStep, 'invalid-scale-step'));

  it('keeps another municipality out, as if the survey did not exist', () =>
    spec
      .given([])
      .when({ ...revise(), survey: surveyFacts({ recipientProfiles: [DORTMUND] }) })
      .thenThrows(NotFound, 'not-found'));
});
