import {
  EVALUATION_CRITERIA_2018,
  SURVEY_SCALE_2018 as SCALE_2018,
  TERMS_KKZ,
} from '@app/shared/seed/programme-2011';
import { fold } from '@app/eventsourcing';
import {
  type EvaluationCreated,
  type EvaluationState,
  evolveEvaluation,
  initialEvaluationState,
} from './evaluation';
import type { SurveyFacts } from './survey-answer';
import type { PhaseName, SurveyCreated, SurveyQuestion, SurveyRecipient, SurveyWindow } from './survey';

/** The phases of the 2011 programme's terms (seed data): `phase-1` Förderphase I, `phase-2` Förderphase II. */
export const PHASES_KKZ: PhaseName[] = TERMS_KKZ.phases.map(({ phaseId, name }) => ({ phaseId, name }));

export function evaluationCreated(overrides: Partial<EvaluationCreated['data']> = {}): EvaluationCreated {
  return {
    type: 'EvaluationCreated',
    data: {
      evaluationId: 'kkz-evaluation',
      programmeId: 'kkz',
      title: 'Evaluation Kommunale Präventionsketten',
      criteria: EVALUATION_CRITERIA_2018.map((c) => ({ ...c })),
      ...overrides,
    },
  };
}

export const evaluation = (): EvaluationState =>
  fold({ evolve: evolveEvaluation, initialState: initialEvaluationState }, [evaluationCreated()]);

/** The real survey window (seed 003): 6 Dec 2017 to 2 Jan 2018, in Berlin time (winter: UTC+1). */
export const WINDOW_2017: SurveyWindow = {
  opensOn: '2017-12-06',
  closesOn: '2018-01-02',
  opensAt: '2017-12-05T23:00:00.000Z',
  closesAt: '2018-01-02T23:00:00.000Z',
};

export const QUESTIONS: SurveyQuestion[] = [
  {
    questionId: 'networks',
    text: 'Wie weit haben Sie Ihre Ziele beim Aufbau von Netzwerken in der ersten Förderphase umgesetzt?',
    kind: 'scale',
    goal: 'networks',
    criterion: 'goal-attainment',
    phaseIds: ['phase-1'],
  },
  {
    questionId: 'coordination',
    text: 'Wie weit ist die bessere Handlungskoordination umgesetzt?',
    kind: 'scale',
    goal: 'coordination',
    criterion: 'implementation',
  },
  { questionId: 'remarks', text: 'Anmerkungen', kind: 'text', optional: true },
];

export const DORTMUND: SurveyRecipient = {
  ags: '05913000',
  name: 'Dortmund',
  phaseId: 'phase-1',
  municipalityType: 'kreisfreie-stadt',
};
export const KREIS_UNNA: SurveyRecipient = {
  ags: '05978000',
  name: 'Kreis Unna',
  phaseId: 'phase-1',
  municipalityType: 'kreis',
};
export const KOELN: SurveyRecipient = {
  ags: '05315000',
  name: 'Köln',
  phaseId: 'phase-2',
  municipalityType: 'kreisfreie-stadt',
};
export const RECIPIENTS = [KOELN, DORTMUND, KREIS_UNNA];

export function surveyCreated(overrides: Partial<SurveyCreated['data']> = {}): SurveyCreated {
  const recipientProfiles = overrides.recipientProfiles ?? RECIPIENTS;
  return {
    type: 'SurveyCreated',
    data: {
      surveyId: 'online-survey-2017',
      evaluationId: 'kkz-evaluation',
      programmeId: 'kkz',
      title: 'Onlinebefragung aller Projektkommunen Ende 2017',
      questions: QUESTIONS,
      scale: SCALE_2018,
      window: WINDOW_2017,
      recipients: recipientProfiles.map((r) => r.ags),
      recipientProfiles,
      ...overrides,
    },
  };
}

export function surveyFacts(overrides: Partial<SurveyCreated['data']> = {}): SurveyFacts {
  const { surveyId, questions, scale, window, recipientProfiles } = surveyCreated(overrides).data;
  return { status: 'created', surveyId, questions, scale, window, recipientProfiles };
}

/**
 * The survey as main wrote it before phases were named (`SurveyCreated` v2): phases by number in
 * the questions (`phases: [1]`) and the recipients (`phase`), with the scale.
 */
export function surveyCreatedV2Data(): Record<string, unknown> {
  const { questions, recipientProfiles, ...rest } = surveyCreated().data;
  return {
    ...rest,
    questions: questions.map(({ phaseIds, ...q }) => ({
      ...q,
      ...(phaseIds && { phases: phaseIds.map((id) => Number(id.replace('phase-', ''))) }),
    })),
    recipientProfiles: recipientProfiles.map(({ phaseId, ...r }) => ({
      ...r,
      phase: Number(phaseId?.replace('phase-', '')),
    })),
  };
}
