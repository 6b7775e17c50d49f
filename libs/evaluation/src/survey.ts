import { streamName } from '@app/eventsourcing';
import type { MunicipalityType } from '@app/shared';

/** A step of a survey's scale, by its id (e.g. `largely`). */
export type ScaleStep = string;

/** The steps a scale question is answered on, in order, each with the label respondents read. */
export interface SurveyScale {
  steps: { stepId: string; label: string }[];
}

/** The step ids of a scale, in order. */
export const stepIdsOf = (scale: SurveyScale): string[] => scale.steps.map((s) => s.stepId);

export type QuestionKind = 'scale' | 'text';

export interface SurveyQuestion {
  questionId: string;
  text: string;
  kind: QuestionKind;
  /** The programme or municipal goal the question asks about, e.g. "networks". */
  goal?: string;
  /** The id of one of the evaluation's criteria. */
  criterion?: string;
  /**
   * v3: asked only of recipients who joined in one of these phases, by the ids the programme's
   * terms give them (`aufbau`, `phase-1`); absent: asked of everyone (a programme without phases).
   * v1/v2 stored phase numbers (`phases: number[]`), upcast to `phase-<n>`.
   */
  phaseIds?: string[];
  /** An optional question may be left out of an answer. */
  optional?: boolean;
}

/**
 * Who was asked, fixed when the survey was created, so results by phase and type never shift:
 * `phaseId` is the first phase of the programme the municipality joined in (absent where its
 * grants name no phase, as in a programme without phases), `municipalityType` as the registry
 * said then ('unknown' for a municipality missing from the reference data).
 */
export interface SurveyRecipient {
  ags: string;
  name: string;
  /** v3; v1/v2 stored the phase's number (`phase`), upcast to `phase-<n>`. */
  phaseId?: string;
  municipalityType: MunicipalityType | 'unknown';
}

/** Answers are taken from 00:00 Berlin time on `opensOn` until 24:00 Berlin time on `closesOn`. */
export interface SurveyWindow {
  opensOn: string;
  closesOn: string;
  opensAt: string;
  closesAt: string;
}

export type SurveyCreated = {
  type: 'SurveyCreated';
  data: {
    surveyId: string;
    evaluationId: string;
    programmeId: string;
    title: string;
    questions: SurveyQuestion[];
    /** v2: the scale the survey's scale questions are answered on (v1 is upcast to the 2018 scale). */
    scale: SurveyScale;
    window: SurveyWindow;
    recipients: string[];
    recipientProfiles: SurveyRecipient[];
  };
};

export type SurveyEvent = SurveyCreated;

export type SurveyState = { status: 'none' } | ({ status: 'created' } & SurveyCreated['data']);

/**
 * Survey ids never start with "answer-": `survey-answer-<surveyId>.<ags>` names an answer stream,
 * and a survey called "answer-x.05978000" would otherwise share it.
 */
export const isSurveyId = (id: string) => !id.startsWith('answer-');

export const surveyStream = (surveyId: string) => streamName('survey', surveyId);

export function initialSurveyState(): SurveyState {
  return { status: 'none' };
}

export function evolveSurvey(state: SurveyState, event: SurveyEvent): SurveyState {
  switch (event.type) {
    case 'SurveyCreated':
      return { status: 'created', ...event.data };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}

/** Whether a question is put to a recipient: it names no phase, or the recipient's phase. */
export const isAskedOf = (question: SurveyQuestion, recipient: SurveyRecipient): boolean =>
  !question.phaseIds?.length ||
  (recipient.phaseId !== undefined && question.phaseIds.includes(recipient.phaseId));

/** The questions put to one recipient: those without a phase list, and those naming its phase. */
export function questionsAskedOf(questions: SurveyQuestion[], recipient: SurveyRecipient): SurveyQuestion[] {
  return questions.filter((q) => isAskedOf(q, recipient));
}

/** A phase as the programme's terms name it. */
export interface PhaseName {
  phaseId: string;
  name: string;
}
