import { MUNICIPALITY_TYPES } from '@app/shared/municipalities/municipality-registry';
import { InvalidScaleStep, UnknownQuestion, QuestionNotOnScale } from '../errors';
import { inPhaseOrder, phaseNameOf } from '../programme-phases';
import {
  isAskedOf,
  type PhaseName,
  type ScaleStep,
  stepIdsOf,
  type SurveyQuestion,
  type SurveyRecipient,
  type SurveyScale,
} from '../survey';
import type { SurveyAnswerView, SurveyView } from './evaluations.projection';

export const ROUNDING =
  'numerator and denominator are exact counts; percent = 100 × numerator ÷ denominator, rounded half up to a whole percent (null when the denominator is 0)';

export interface Share {
  numerator: number;
  denominator: number;
  percent: number | null;
}

/** Integer arithmetic only, so 14/17 is 82 % on every machine, and 1/8 rounds up to 13 %. */
export function share(numerator: number, denominator: number): Share {
  const percent = denominator === 0 ? null : Math.floor((200 * numerator + denominator) / (2 * denominator));
  return { numerator, denominator, percent };
}

export interface StepCount {
  step: ScaleStep;
  /** The step as the survey's scale words it, e.g. "weitgehend". */
  label: string;
  count: number;
  share: Share;
}

/** Among the recipients of one group: how many were asked, how many answered, and how. */
export interface Tally {
  asked: number;
  answered: number;
  responseRate: Share;
  /** Shares of the answers given (not of those asked); empty for a text question. */
  steps: StepCount[];
}

export interface QuestionResult extends Omit<SurveyQuestion, 'optional'> {
  /** The name of the criterion (`criterion`) as the survey's evaluation defines it. */
  criterionName?: string;
  overall: Tally;
  /**
   * One group per phase the recipients joined in, in the programme's order, named as its terms
   * name it; recipients without a phase (all, in a programme without phases) form one group with
   * `phaseId` null.
   */
  byPhase: (Tally & PhaseGroup)[];
  byMunicipalityType: (Tally & { municipalityType: string })[];
}

/** A group of recipients by phase: the phase's id and name; id null for those without a phase. */
export interface PhaseGroup {
  phaseId: string | null;
  name: string;
}

/** How the group of recipients without a phase is named. */
export const WITHOUT_PHASE = 'ohne Phase';

export type SurveyStatus = 'not-open-yet' | 'open' | 'closed';

export interface SurveyResults {
  surveyId: string;
  evaluationId: string;
  title: string;
  window: SurveyView['window'];
  status: SurveyStatus;
  recipients: number;
  responded: number;
  responseRate: Share;
  rounding: string;
  questions: QuestionResult[];
}

export function surveyStatus(survey: SurveyView, now: Date): SurveyStatus {
  if (now.getTime() < Date.parse(survey.window.opensAt)) return 'not-open-yet';
  return now.getTime() < Date.parse(survey.window.closesAt) ? 'open' : 'closed';
}

type Answered = { recipient: SurveyRecipient; answer: SurveyAnswerView };

function tally(
  question: SurveyQuestion,
  scale: SurveyScale,
  recipients: SurveyRecipient[],
  answered: Answered[],
): Tally {
  const asked = recipients.filter((r) => isAskedOf(question, r));
  const given = answered
    .filter((a) => asked.includes(a.recipient))
    .flatMap((a) => a.answer.answers.filter((x) => x.questionId === question.questionId));
  const steps =
    question.kind === 'scale'
      ? stepIdsOf(scale).map((step) => {
          const count = given.filter((x) => 'step' in x && x.step === step).length;
          const label = scale.steps.find((s) => s.stepId === step)?.label ?? step;
          return { step, label, count, share: share(count, given.length) };
        })
      : [];
  return {
    asked: asked.length,
    answered: given.length,
    responseRate: share(given.length, asked.length),
    steps,
  };
}

function answeredBy(survey: SurveyView, answers: Map<string, SurveyAnswerView>): Answered[] {
  return survey.recipientProfiles.flatMap((recipient) => {
    const answer = answers.get(recipient.ags);
    return answer ? [{ recipient, answer }] : [];
  });
}

const TYPE_ORDER = [...MUNICIPALITY_TYPES, 'unknown'];

/**
 * The groups by phase of a survey's recipients: each phase they joined in, in the programme's
 * order and by the name its terms give it, then those without a phase.
 */
export function phaseGroups(
  recipients: readonly SurveyRecipient[],
  phases: readonly PhaseName[],
): PhaseGroup[] {
  const ids = inPhaseOrder(
    phases,
    recipients.flatMap((r) => (r.phaseId === undefined ? [] : [r.phaseId])),
  );
  return [
    ...ids.map((phaseId) => ({ phaseId, name: phaseNameOf(phases, phaseId) })),
    ...(recipients.some((r) => r.phaseId === undefined) ? [{ phaseId: null, name: WITHOUT_PHASE }] : []),
  ];
}

const inGroup = (group: { phaseId: string | null }) => (r: SurveyRecipient) =>
  (r.phaseId ?? null) === group.phaseId;

/**
 * Counts and shares per scale step for every question: overall, by the phase each recipient
 * joined in (named by the programme's `phases`) and by municipality type, as recorded when the
 * survey was created.
 */
export function surveyResults(
  survey: SurveyView,
  answers: Map<string, SurveyAnswerView>,
  now: Date,
  phases: readonly PhaseName[] = [],
): SurveyResults {
  const recipients = survey.recipientProfiles;
  const answered = answeredBy(survey, answers);
  const groups = phaseGroups(recipients, phases);
  const types = TYPE_ORDER.filter((t) => recipients.some((r) => r.municipalityType === t));
  return {
    surveyId: survey.surveyId,
    evaluationId: survey.evaluationId,
    title: survey.title,
    window: survey.window,
    status: surveyStatus(survey, now),
    recipients: recipients.length,
    responded: answered.length,
    responseRate: share(answered.length, recipients.length),
    rounding: ROUNDING,
    questions: survey.questions.map(({ optional: _optional, ...question }) => ({
      ...question,
      overall: tally(question, survey.scale, recipients, answered),
      byPhase: groups.map((group) => ({
        ...group,
        ...tally(question, survey.scale, recipients.filter(inGroup(group)), answered),
      })),
      byMunicipalityType: types.map((municipalityType) => ({
        municipalityType,
        ...tally(
          question,
          survey.scale,
          recipients.filter((r) => r.municipalityType === municipalityType),
          answered,
        ),
      })),
    })),
  };
}

export interface ShareQuestion {
  questionId: string;
  steps: ScaleStep[];
  /** Only recipients who joined in this phase. */
  phaseId?: string;
  municipalityType?: string;
}

export interface ShareAnswer extends Share {
  surveyId: string;
  questionId: string;
  steps: ScaleStep[];
  phaseId?: string;
  /** The phase's name, as the programme's terms give it. */
  phaseName?: string;
  municipalityType?: string;
  /** Recipients of the group who were asked the question; the denominator counts those who answered it. */
  asked: number;
  rounding: string;
}

/**
 * One share, e.g. "of the phase-I municipalities that answered, how many largely or fully
 * achieved their network goals": answers on the given steps ÷ answers to the question in the group.
 */
export function shareOfAnswers(
  survey: SurveyView,
  answers: Map<string, SurveyAnswerView>,
  ask: ShareQuestion,
  phases: readonly PhaseName[] = [],
): ShareAnswer {
  const question = survey.questions.find((q) => q.questionId === ask.questionId);
  if (!question) throw new UnknownQuestion(ask.questionId);
  if (question.kind !== 'scale') throw new QuestionNotOnScale(ask.questionId);
  const known = stepIdsOf(survey.scale);
  const unknown = ask.steps.find((step) => !known.includes(step));
  if (unknown !== undefined) throw new InvalidScaleStep(ask.questionId, unknown, known);
  const group = survey.recipientProfiles.filter(
    (r) =>
      (ask.phaseId === undefined || r.phaseId === ask.phaseId) &&
      (ask.municipalityType === undefined || r.municipalityType === ask.municipalityType),
  );
  const result = tally(question, survey.scale, group, answeredBy(survey, answers));
  const numerator = result.steps
    .filter((s) => ask.steps.includes(s.step))
    .reduce((sum, s) => sum + s.count, 0);
  return {
    surveyId: survey.surveyId,
    questionId: question.questionId,
    steps: ask.steps,
    ...(ask.phaseId !== undefined
      ? { phaseId: ask.phaseId, phaseName: phaseNameOf(phases, ask.phaseId) }
      : {}),
    ...(ask.municipalityType !== undefined ? { municipalityType: ask.municipalityType } : {}),
    asked: result.asked,
    ...share(numerator, result.answered),
    rounding: ROUNDING,
  };
}
