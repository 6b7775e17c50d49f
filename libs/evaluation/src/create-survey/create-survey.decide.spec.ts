import { SURVEY_SCALE_2018 } from '@app/shared/seed/programme-2011';
import { NotFound } from '@app/eventsourcing';
import { DomainError } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  CriterionNotInEvaluation,
  DuplicateQuestion,
  QuestionPhaseWithoutRecipients,
  SurveyExists,
  UnknownPhase,
  SurveyIdReserved,
  SurveyWindowInvalid,
  SurveyWindowPassed,
  SurveyWithoutRecipients,
} from '../errors';
import { evolveEvaluation } from '../evaluation';
import {
  DORTMUND,
  evaluation,
  evaluationCreated,
  KOELN,
  KREIS_UNNA,
  PHASES_KKZ,
  QUESTIONS,
  surveyCreated,
  WINDOW_2017,
} from '../testing-fixtures';
import { createSurveyDecider, type CreateSurvey } from './create-survey.decide';

const spec = deciderSpecification(createSurveyDecider);
const create = (overrides: Partial<CreateSurvey> = {}): CreateSurvey => ({
  surveyId: 'online-survey-2017',
  evaluationId: 'kkz-evaluation',
  title: 'Onlinebefragung aller Projektkommunen Ende 2017',
  questions: QUESTIONS,
  scale: SURVEY_SCALE_2018,
  window: WINDOW_2017,
  evaluation: evaluation(),
  phases: PHASES_KKZ,
  participants: [KREIS_UNNA, KOELN, DORTMUND],
  now: '2017-11-20T09:00:00.000Z',
  ...overrides,
});

describe('create a survey', () => {
  it('refuses an id starting with "answer-": answer streams are named survey-answer-<surveyId>.<ags>', () => {
    spec
      .given([])
      .when(create({ surveyId: 'answer-online-survey-2017' }))
      .thenThrows(SurveyIdReserved, 'survey-id-reserved');
    spec
      .given([])
      .when(create({ surveyId: 'online-answer-2017' }))
      .then([surveyCreated({ surveyId: 'online-answer-2017' })]);
  });

  it('records every participating municipality as recipient, with its phase and type', () =>
    spec.given([]).when(create()).then([surveyCreated()]));

  it('refuses a survey of an evaluation that does not exist', () =>
    spec
      .given([])
      .when(create({ evaluation: { status: 'none' } }))
      .thenThrows(NotFound, 'not-found'));

  it('refuses a second survey with the same id', () =>
    spec.given([surveyCreated()]).when(create()).thenThrows(SurveyExists, 'survey-exists'));

  it('refuses a survey when no municipality participates', () =>
    spec
      .given([])
      .when(create({ participants: [] }))
      .thenThrows(SurveyWithoutRecipients, 'survey-without-recipients'));

  it('refuses a window that closes before it opens', () =>
    spec
      .given([])
      .when(create({ window: { ...WINDOW_2017, closesOn: '2017-12-05' } }))
      .thenThrows(SurveyWindowInvalid, 'survey-window-invalid'));

  it('refuses a window that has already closed', () =>
    spec
      .given([])
      .when(create({ now: WINDOW_2017.closesAt }))
      .thenThrows(SurveyWindowPassed, 'survey-window-passed'));

  it('refuses two questions with the same id', () =>
    spec
      .given([])
      .when(create({ questions: [QUESTIONS[0], { ...QUESTIONS[1], questionId: 'networks' }] }))
      .thenThrows(DuplicateQuestion, 'duplicate-question'));

  it('refuses a question on a criterion the evaluation does not assess', () => {
    const narrow = evolveEvaluation(
      { status: 'none' },
      evaluationCreated({ criteria: [{ criterionId: 'implementation', name: 'Umsetzung' }] }),
    );
    spec
      .given([])
      .when(create({ evaluation: narrow }))
      .thenThrows(CriterionNotInEvaluation, 'criterion-not-in-evaluation');
  });

  it('refuses a question for a phase nobody joined in, naming the phase as the terms do', () => {
    spec
      .given([])
      .when(create({ participants: [KOELN] }))
      .thenThrows(QuestionPhaseWithoutRecipients, 'question-phase-without-recipients');
    expect(
      germanOf(() => createSurveyDecider.decide(create({ participants: [KOELN] }), { status: 'none' })),
    ).toMatch(/richtet sich an die Phase „Förderphase I“/);
  });

  it('refuses a question for a phase the programme’s terms do not name, writing nothing', () => {
    spec
      .given([])
      .when(create({ questions: [{ ...QUESTIONS[0], phaseIds: ['aufbau'] }] }))
      .thenThrows(UnknownPhase, 'unknown-phase');
    expect(
      germanOf(() =>
        createSurveyDecider.decide(create({ questions: [{ ...QUESTIONS[0], phaseIds: ['aufbau'] }] }), {
          status: 'none',
        }),
      ),
    ).toMatch(
      /nennt die Phase „aufbau“, die das Programm kkz nicht kennt; seine Phasen sind „phase-1“ und „phase-2“/,
    );
  });

  it('refuses any phase in a programme without phases, and asks everyone there when none is named', () => {
    const unphased = [KREIS_UNNA, KOELN, DORTMUND].map(({ phaseId: _p, ...r }) => r);
    spec
      .given([])
      .when(create({ phases: [], participants: unphased }))
      .thenThrows(UnknownPhase, 'unknown-phase');
    const questions = QUESTIONS.map(({ phaseIds: _p, ...q }) => q);
    spec
      .given([])
      .when(create({ phases: [], participants: unphased, questions }))
      .then([
        surveyCreated({
          questions,
          recipientProfiles: [...unphased].sort((a, b) => a.ags.localeCompare(b.ags)),
        }),
      ]);
  });
});

/** The German sentence of the refusal the call throws. */
function germanOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error.texts.de;
    throw error;
  }
  throw new Error('nothing was refused');
}
