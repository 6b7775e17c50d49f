import { streamName } from '@app/eventsourcing';
import type { ScaleStep, SurveyQuestion, SurveyRecipient, SurveyScale, SurveyWindow } from './survey';

/** A scale question takes a step, a text question a text: never both. */
export type QuestionAnswer = { questionId: string; step: ScaleStep } | { questionId: string; text: string };

export type SurveyAnswerSubmitted = {
  type: 'SurveyAnswerSubmitted';
  data: { surveyId: string; ags: string; answers: QuestionAnswer[]; answeredAt: string };
};

export type SurveyAnswerRevised = {
  type: 'SurveyAnswerRevised';
  data: { surveyId: string; ags: string; answers: QuestionAnswer[]; answeredAt: string };
};

export type SurveyAnswerEvent = SurveyAnswerSubmitted | SurveyAnswerRevised;

export type SurveyAnswerState =
  { status: 'none' } | { status: 'submitted'; answers: QuestionAnswer[]; submittedAt: string };

/**
 * One stream per survey and municipality: "one answer per municipality" is enforced by the
 * store's expected revision, not by a read model that may lag.
 */
export const surveyAnswerStream = (surveyId: string, ags: string) =>
  streamName('survey-answer', `${surveyId}.${ags}`);

export function initialSurveyAnswerState(): SurveyAnswerState {
  return { status: 'none' };
}

export function evolveSurveyAnswer(state: SurveyAnswerState, event: SurveyAnswerEvent): SurveyAnswerState {
  switch (event.type) {
    case 'SurveyAnswerSubmitted':
      return { status: 'submitted', answers: event.data.answers, submittedAt: event.data.answeredAt };
    case 'SurveyAnswerRevised':
      return state.status === 'none' ? state : { ...state, answers: event.data.answers };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** What answering needs to know of the survey, loaded by the handler from the survey's stream. */
export type SurveyFacts =
  | { status: 'none'; surveyId: string }
  | {
      status: 'created';
      surveyId: string;
      questions: SurveyQuestion[];
      scale: SurveyScale;
      window: SurveyWindow;
      recipientProfiles: SurveyRecipient[];
    };
