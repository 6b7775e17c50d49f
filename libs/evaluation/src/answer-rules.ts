import { NotFound } from '@app/eventsourcing';
import {
  AnswerDoesNotMatchQuestion,
  DuplicateAnswer,
  InvalidScaleStep,
  QuestionNotAsked,
  SurveyAnswerIncomplete,
  SurveyClosed,
  SurveyNotOpenYet,
  UnknownQuestion,
} from './errors';
import { questionsAskedOf, stepIdsOf, type SurveyRecipient, type SurveyScale } from './survey';
import type { QuestionAnswer, SurveyFacts } from './survey-answer';

/** An answer as the caller sent it, before it is checked against the questions. */
export interface GivenAnswer {
  questionId: string;
  step?: string;
  text?: string;
}

/** The survey as a recipient may answer it: it exists and names the municipality. */
export function surveyForRecipient(survey: SurveyFacts, ags: string) {
  // A municipality that was not asked learns nothing of the survey, as for another's record.
  if (survey.status === 'none') throw new NotFound('Survey', survey.surveyId);
  const recipient = survey.recipientProfiles.find((r) => r.ags === ags);
  if (!recipient) throw new NotFound('Survey', survey.surveyId);
  return { survey, recipient };
}

/** From 00:00 Berlin time on the first day to 24:00 Berlin time on the last. */
export function assertWindowOpen(survey: Extract<SurveyFacts, { status: 'created' }>, now: string): void {
  const at = Date.parse(now);
  if (at < Date.parse(survey.window.opensAt))
    throw new SurveyNotOpenYet(survey.surveyId, survey.window.opensAt);
  if (at >= Date.parse(survey.window.closesAt))
    throw new SurveyClosed(survey.surveyId, survey.window.closesAt);
}

/**
 * Checks the answers against the questions put to this recipient: known ids, each at most once,
 * a step of the scale for a scale question and a non-blank text for a text question, and every
 * question that is not optional answered. Returns them in the survey's question order.
 */
export function checkedAnswers(
  survey: Extract<SurveyFacts, { status: 'created' }>,
  recipient: SurveyRecipient,
  given: GivenAnswer[],
): QuestionAnswer[] {
  const asked = questionsAskedOf(survey.questions, recipient);
  const byId = new Map<string, QuestionAnswer>();
  for (const answer of given) {
    const question = survey.questions.find((q) => q.questionId === answer.questionId);
    if (!question) throw new UnknownQuestion(answer.questionId);
    if (!asked.includes(question)) throw new QuestionNotAsked(answer.questionId, recipient.phaseId);
    if (byId.has(answer.questionId)) throw new DuplicateAnswer(answer.questionId);
    byId.set(answer.questionId, checkOne(question.kind, answer, survey.scale));
  }
  const missing = asked.filter((q) => !q.optional && !byId.has(q.questionId)).map((q) => q.questionId);
  if (missing.length > 0) throw new SurveyAnswerIncomplete(missing);
  return asked.flatMap((q) => byId.get(q.questionId) ?? []);
}

function checkOne(kind: 'scale' | 'text', answer: GivenAnswer, scale: SurveyScale): QuestionAnswer {
  const { questionId, step, text } = answer;
  if (kind === 'scale') {
    if (step === undefined || text !== undefined) throw new AnswerDoesNotMatchQuestion(questionId, kind);
    const steps = stepIdsOf(scale);
    if (!steps.includes(step)) throw new InvalidScaleStep(questionId, step, steps);
    return { questionId, step };
  }
  if (text === undefined || step !== undefined || text.trim() === '')
    throw new AnswerDoesNotMatchQuestion(questionId, kind);
  return { questionId, text };
}
