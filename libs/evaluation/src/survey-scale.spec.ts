import {
  fold,
  MemoryEventStore,
  type RecordedEvent,
  UpcasterRegistry,
  UpcastingEventStore,
} from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { checkedAnswers } from './answer-rules';
import { createSurveyDecider, type CreateSurvey } from './create-survey/create-survey.decide';
import { InvalidScaleStep, SurveyScaleInvalid } from './errors';
import { shareOfAnswers, surveyResults } from './queries/survey-results';
import { evolveSurvey, initialSurveyState, type SurveyEvent, type SurveyScale } from './survey';
import {
  DORTMUND,
  evaluation,
  KOELN,
  KREIS_UNNA,
  PHASES_KKZ,
  QUESTIONS,
  surveyCreated,
  surveyCreatedV2Data,
  surveyFacts,
  WINDOW_2017,
} from './testing-fixtures';
import { evaluationUpcasters } from './upcasters';

/** A five-step scale with labels of its own, as a programme other than the 2011 one asks. */
const FIVE: SurveyScale = {
  steps: [
    { stepId: 'none', label: 'trifft gar nicht zu' },
    { stepId: 'little', label: 'trifft eher nicht zu' },
    { stepId: 'some', label: 'teils, teils' },
    { stepId: 'much', label: 'trifft eher zu' },
    { stepId: 'full', label: 'trifft voll zu' },
  ],
};

describe('a survey carries its own scale', () => {
  const scale = (steps: SurveyScale['steps']): CreateSurvey => ({
    surveyId: 'digital-2027',
    evaluationId: 'kkz-evaluation',
    title: 'Befragung Digitale Bildungslandschaften',
    questions: QUESTIONS,
    scale: { steps },
    window: WINDOW_2017,
    evaluation: evaluation(),
    phases: PHASES_KKZ,
    participants: [KREIS_UNNA, KOELN, DORTMUND],
    now: '2017-11-20T09:00:00.000Z',
  });
  const spec = deciderSpecification(createSurveyDecider);

  it('records the scale with the survey, and refuses one step or a step named twice', () => {
    const events = createSurveyDecider.decide(scale(FIVE.steps), initialSurveyState());
    expect((events[0] as SurveyEvent).data.scale).toEqual(FIVE);
    spec
      .given([])
      .when(scale([FIVE.steps[0]]))
      .thenThrows(SurveyScaleInvalid, 'survey-scale-invalid');
    spec
      .given([])
      .when(scale([...FIVE.steps, FIVE.steps[1]]))
      .thenThrows(SurveyScaleInvalid, 'survey-scale-invalid');
  });

  it('takes answers on its own steps only, naming them when refusing', () => {
    const survey = surveyFacts({ scale: FIVE });
    if (survey.status !== 'created') throw new Error('no survey');
    const answers = [
      { questionId: 'networks', step: 'much' },
      { questionId: 'coordination', step: 'none' },
    ];
    expect(checkedAnswers(survey, DORTMUND, answers)).toEqual(answers);
    const refused = () =>
      checkedAnswers(survey, DORTMUND, [answers[0], { questionId: 'coordination', step: 'fully' }]);
    expect(refused).toThrow(InvalidScaleStep);
    expect(refused).toThrow(/none, little, some, much, full/);
  });

  it('counts results per step of its scale, in its order', () => {
    const survey = { ...surveyCreated({ scale: FIVE }).data, createdAt: '' };
    const answers = new Map(
      [KREIS_UNNA, DORTMUND].map((r, i) => [
        r.ags,
        {
          surveyId: survey.surveyId,
          ags: r.ags,
          answers: [{ questionId: 'networks', step: i === 0 ? 'full' : 'some' }],
          submittedAt: '2017-12-10T10:00:00.000Z',
          revision: 0,
        },
      ]),
    );
    const networks = surveyResults(survey, answers, new Date('2018-01-03T00:00:00.000Z')).questions.find(
      (q) => q.questionId === 'networks',
    );
    expect(networks?.overall.steps.map((s) => `${s.step}:${s.count}`)).toEqual([
      'none:0',
      'little:0',
      'some:1',
      'much:0',
      'full:1',
    ]);
    expect(
      shareOfAnswers(survey, answers, { questionId: 'networks', steps: ['much', 'full'] }),
    ).toMatchObject({
      numerator: 1,
      denominator: 2,
      percent: 50,
    });
    expect(() => shareOfAnswers(survey, answers, { questionId: 'networks', steps: ['fully'] })).toThrow(
      InvalidScaleStep,
    );
  });
});

describe('surveys created before surveys carried a scale (SurveyCreated v1)', () => {
  it('read with the 2018 scale: gar nicht, teilweise, weitgehend, vollständig', async () => {
    const { scale: _scale, ...v1 } = surveyCreatedV2Data();
    const inner = new MemoryEventStore();
    await inner.appendToStream(
      'survey-online-survey-2017',
      [newEvent('SurveyCreated', v1, { schemaVersion: 1 })],
      'no_stream',
    );
    const store = new UpcastingEventStore(inner, new UpcasterRegistry().register(...evaluationUpcasters));
    const [read]: RecordedEvent[] = await store.readStream('survey-online-survey-2017');
    expect(read.metadata.schemaVersion).toBe(3);
    const state = fold({ evolve: evolveSurvey, initialState: initialSurveyState }, [
      read as unknown as SurveyEvent,
    ]);
    expect(state.status === 'created' && state.scale).toEqual({
      steps: [
        { stepId: 'not', label: 'gar nicht' },
        { stepId: 'partly', label: 'teilweise' },
        { stepId: 'largely', label: 'weitgehend' },
        { stepId: 'fully', label: 'vollständig' },
      ],
    });
  });
});
