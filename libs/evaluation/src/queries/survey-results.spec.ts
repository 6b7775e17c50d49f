import type { ScaleStep, SurveyRecipient } from '../survey';
import { QuestionNotOnScale, UnknownQuestion } from '../errors';
import { PHASES_KKZ, surveyCreated } from '../testing-fixtures';
import type { SurveyAnswerView, SurveyView } from './evaluations.projection';
import { phaseGroups, share, shareOfAnswers, surveyResults } from './survey-results';

// 18 phase-I recipients (12 cities, 6 counties) and 4 of phase II, as a small copy of the 2017 survey.
const phaseOne: SurveyRecipient[] = Array.from({ length: 18 }, (_, i) => ({
  ags: `051${String(i).padStart(2, '0')}000`,
  name: `Phase I ${i}`,
  phaseId: 'phase-1',
  municipalityType: i < 12 ? 'kreisfreie-stadt' : 'kreis',
}));
const phaseTwo: SurveyRecipient[] = Array.from({ length: 4 }, (_, i) => ({
  ags: `059${String(i).padStart(2, '0')}000`,
  name: `Phase II ${i}`,
  phaseId: 'phase-2',
  municipalityType: 'kreisangehoerige-stadt',
}));
const survey: SurveyView = {
  ...surveyCreated({ recipientProfiles: [...phaseOne, ...phaseTwo] }).data,
  createdAt: '',
};

// Networks (phase I only): 17 of 18 answer — 6 fully, 8 largely, 2 partly, 1 not.
const networkSteps: ScaleStep[] = [
  ...Array<ScaleStep>(6).fill('fully'),
  ...Array<ScaleStep>(8).fill('largely'),
  ...Array<ScaleStep>(2).fill('partly'),
  'not',
];
const answers = new Map<string, SurveyAnswerView>();
networkSteps.forEach((step, i) =>
  answers.set(phaseOne[i].ags, {
    surveyId: survey.surveyId,
    ags: phaseOne[i].ags,
    answers: [
      { questionId: 'networks', step },
      { questionId: 'coordination', step: i % 2 === 0 ? 'fully' : 'partly' },
    ],
    submittedAt: '2017-12-10T10:00:00.000Z',
    revision: 0,
  }),
);
answers.set(phaseTwo[0].ags, {
  surveyId: survey.surveyId,
  ags: phaseTwo[0].ags,
  answers: [
    { questionId: 'coordination', step: 'largely' },
    { questionId: 'remarks', text: 'Neu dabei.' },
  ],
  submittedAt: '2017-12-11T10:00:00.000Z',
  revision: 0,
});
// An answer from a municipality that is not a recipient never counts.
answers.set('05315000', { ...answers.get(phaseTwo[0].ags)!, ags: '05315000' });

describe('survey results', () => {
  const results = surveyResults(survey, answers, new Date('2018-01-03T00:00:00.000Z'), PHASES_KKZ);
  const networks = results.questions.find((q) => q.questionId === 'networks')!;

  it('counts answers per scale step with exact fractions and whole percents', () => {
    expect(results).toMatchObject({ status: 'closed', recipients: 22, responded: 18 });
    expect(results.responseRate).toEqual({ numerator: 18, denominator: 22, percent: 82 });
    expect(networks.overall.asked).toBe(18);
    expect(networks.overall.answered).toBe(17);
    expect(networks.overall.steps).toEqual([
      { step: 'not', label: 'gar nicht', count: 1, share: { numerator: 1, denominator: 17, percent: 6 } },
      { step: 'partly', label: 'teilweise', count: 2, share: { numerator: 2, denominator: 17, percent: 12 } },
      {
        step: 'largely',
        label: 'weitgehend',
        count: 8,
        share: { numerator: 8, denominator: 17, percent: 47 },
      },
      {
        step: 'fully',
        label: 'vollständig',
        count: 6,
        share: { numerator: 6, denominator: 17, percent: 35 },
      },
    ]);
  });

  it('groups by the phase each recipient joined in, named as the terms name it, and by municipality type', () => {
    expect(networks.byPhase.map((p) => [p.phaseId, p.name, p.asked, p.answered])).toEqual([
      ['phase-1', 'Förderphase I', 18, 17],
      ['phase-2', 'Förderphase II', 0, 0],
    ]);
    const coordination = results.questions.find((q) => q.questionId === 'coordination')!;
    expect(coordination.byPhase[1].steps.find((s) => s.step === 'largely')?.count).toBe(1);
    // Counties are phase-I recipients 12..17: of those, 12..16 answered; 12, 14, 16 said fully.
    const counties = coordination.byMunicipalityType.find((t) => t.municipalityType === 'kreis')!;
    expect([counties.asked, counties.answered]).toEqual([6, 5]);
    expect(counties.steps.find((s) => s.step === 'fully')?.share).toEqual({
      numerator: 3,
      denominator: 5,
      percent: 60,
    });
    expect(coordination.byMunicipalityType.map((t) => t.municipalityType)).toEqual([
      'kreisfreie-stadt',
      'kreisangehoerige-stadt',
      'kreis',
    ]);
  });

  it('answers the share of phase-I municipalities that largely or fully achieved their network goals: 14/17 = 82 %', () => {
    expect(
      shareOfAnswers(
        survey,
        answers,
        { questionId: 'networks', steps: ['largely', 'fully'], phaseId: 'phase-1' },
        PHASES_KKZ,
      ),
    ).toMatchObject({
      phaseId: 'phase-1',
      phaseName: 'Förderphase I',
      numerator: 14,
      denominator: 17,
      percent: 82,
      asked: 18,
    });
  });

  it('rounds half up and gives no percent of nothing', () => {
    expect(share(1, 8).percent).toBe(13);
    expect(share(1, 3).percent).toBe(33);
    expect(share(2, 3).percent).toBe(67);
    expect(share(0, 0).percent).toBeNull();
  });

  it('refuses a share of an unknown question or of a text question', () => {
    expect(() => shareOfAnswers(survey, answers, { questionId: 'weather', steps: ['fully'] })).toThrow(
      UnknownQuestion,
    );
    expect(() => shareOfAnswers(survey, answers, { questionId: 'remarks', steps: ['fully'] })).toThrow(
      QuestionNotOnScale,
    );
  });

  it('shows a programme without phases as one group, and asks its questions of everyone', () => {
    const unphased = recipientsWithout(phaseOne);
    const plain: SurveyView = {
      ...surveyCreated({
        programmeId: 'dbl',
        questions: [{ questionId: 'schools', text: 'Schulen angebunden?', kind: 'scale' }],
        recipientProfiles: unphased,
      }).data,
      createdAt: '',
    };
    const given = new Map(
      [...answers].map(([ags, a]) => [ags, { ...a, answers: [{ questionId: 'schools', step: 'fully' }] }]),
    );
    const [schools] = surveyResults(plain, given, new Date('2018-01-03T00:00:00.000Z'), []).questions;
    expect(schools.byPhase.map((p) => [p.phaseId, p.name, p.asked, p.answered])).toEqual([
      [null, 'ohne Phase', 18, 17],
    ]);
    expect(schools.overall.asked).toBe(18);
  });

  it('orders groups as the terms order the phases, an id they do not name by itself, those without a phase last', () => {
    const mixed: SurveyRecipient[] = [
      { ags: '05970000', name: 'A', phaseId: 'verstetigung', municipalityType: 'kreis' },
      { ags: '05974000', name: 'B', municipalityType: 'kreis' },
      { ags: '05978000', name: 'C', phaseId: 'phase-1', municipalityType: 'kreis' },
      { ags: '05958000', name: 'D', phaseId: 'aufbau', municipalityType: 'kreis' },
    ];
    const terms = [
      { phaseId: 'aufbau', name: 'Aufbau' },
      { phaseId: 'verstetigung', name: 'Verstetigung' },
    ];
    expect(phaseGroups(mixed, terms)).toEqual([
      { phaseId: 'aufbau', name: 'Aufbau' },
      { phaseId: 'verstetigung', name: 'Verstetigung' },
      { phaseId: 'phase-1', name: 'phase-1' },
      { phaseId: null, name: 'ohne Phase' },
    ]);
  });
});

function recipientsWithout(recipients: SurveyRecipient[]): SurveyRecipient[] {
  return recipients.map(({ phaseId: _phaseId, ...r }) => r);
}
