import { type Decider, NotFound } from '@app/eventsourcing';
import {
  CriterionNotInEvaluation,
  DuplicateQuestion,
  QuestionPhaseWithoutRecipients,
  SurveyExists,
  UnknownPhase,
  SurveyIdReserved,
  SurveyScaleInvalid,
  SurveyWindowInvalid,
  SurveyWindowPassed,
  SurveyWithoutRecipients,
} from '../errors';
import type { EvaluationState } from '../evaluation';
import {
  evolveSurvey,
  initialSurveyState,
  isSurveyId,
  type PhaseName,
  type SurveyEvent,
  type SurveyQuestion,
  type SurveyRecipient,
  type SurveyScale,
  type SurveyState,
  type SurveyWindow,
} from '../survey';

export interface CreateSurvey {
  surveyId: string;
  evaluationId: string;
  title: string;
  questions: SurveyQuestion[];
  scale: SurveyScale;
  window: SurveyWindow;
  /**
   * Outside facts: the evaluation as its stream says, the phases the programme's terms name ([]:
   * none), the programme's participants now with the phase each joined in, the time.
   */
  evaluation: EvaluationState;
  phases: PhaseName[];
  participants: SurveyRecipient[];
  now: string;
}

/**
 * A survey of every municipality participating in the evaluated programme. The recipients, with
 * the phase they joined in and their type, are fixed now and recorded, so that later grants
 * change neither who may answer nor how results are grouped. A question may be put only to the
 * recipients of some phases, named by the ids the programme's terms give them.
 */
export function createSurvey(command: CreateSurvey, state: SurveyState): SurveyEvent[] {
  const { surveyId, evaluation, window, questions, participants } = command;
  if (!isSurveyId(surveyId)) throw new SurveyIdReserved(surveyId);
  if (evaluation.status === 'none') throw new NotFound('Evaluation', command.evaluationId);
  if (state.status !== 'none') throw new SurveyExists(surveyId);
  if (window.closesOn < window.opensOn) throw new SurveyWindowInvalid(window.opensOn, window.closesOn);
  if (Date.parse(window.closesAt) <= Date.parse(command.now))
    throw new SurveyWindowPassed(window.closesAt, command.now);
  if (participants.length === 0) throw new SurveyWithoutRecipients(evaluation.programmeId);
  if (command.scale.steps.length < 2) throw new SurveyScaleInvalid({});
  const stepIds = command.scale.steps.map((s) => s.stepId);
  const twice = stepIds.find((id, i) => stepIds.indexOf(id) !== i);
  if (twice !== undefined) throw new SurveyScaleInvalid({ stepId: twice });
  const seen = new Set<string>();
  for (const question of questions) {
    if (seen.has(question.questionId)) throw new DuplicateQuestion(question.questionId);
    seen.add(question.questionId);
    if (question.criterion && !evaluation.criteria.some((c) => c.criterionId === question.criterion))
      throw new CriterionNotInEvaluation(question.questionId, question.criterion);
    const phaseIds = question.phaseIds ?? [];
    const unknown = phaseIds.find((id) => !command.phases.some((p) => p.phaseId === id));
    if (unknown !== undefined)
      throw new UnknownPhase({
        questionId: question.questionId,
        phaseId: unknown,
        programmeId: evaluation.programmeId,
        known: command.phases.map((p) => p.phaseId),
      });
    if (
      phaseIds.length > 0 &&
      !participants.some((p) => p.phaseId !== undefined && phaseIds.includes(p.phaseId))
    )
      throw new QuestionPhaseWithoutRecipients(
        question.questionId,
        phaseIds,
        phaseIds.map((id) => command.phases.find((p) => p.phaseId === id)?.name ?? id),
      );
  }
  const recipientProfiles = [...participants].sort((a, b) => a.ags.localeCompare(b.ags));
  return [
    {
      type: 'SurveyCreated',
      data: {
        surveyId,
        evaluationId: evaluation.evaluationId,
        programmeId: evaluation.programmeId,
        title: command.title,
        questions,
        scale: command.scale,
        window,
        recipients: recipientProfiles.map((r) => r.ags),
        recipientProfiles,
      },
    },
  ];
}

export const createSurveyDecider: Decider<CreateSurvey, SurveyEvent, SurveyState> = {
  decide: createSurvey,
  evolve: evolveSurvey,
  initialState: initialSurveyState,
};
