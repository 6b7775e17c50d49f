import type { AssessmentCriterion } from '@app/programmes-calls/rules';
import {
  CriterionNotScored,
  CriterionScoredTwice,
  FormalCheckNotPassed,
  ScoreOutOfRange,
  UnknownCriterion,
} from './errors';
import type { Assessment, CriterionScore, SelectionState } from './selection';
import { assertSubmitted, assertUndecided, type Submission, type SubmissionFacts } from './submission';

/** What an assessor sends, scoring or revising. */
export interface AssessmentCommand {
  submission: SubmissionFacts;
  /** The principal's subject: each assessor has one assessment per submission. */
  assessor: string;
  assessorName?: string;
  scores: { criterionId: string; score: number }[];
  comment?: string;
}

/** Only a submission that passed the formal check and awaits its decision is assessed. */
export function assessable(command: AssessmentCommand, state: SelectionState): Submission {
  const { submission } = command;
  assertSubmitted(submission);
  assertUndecided(state, submission.applicationId);
  if (!state.formalCheck?.passed) throw new FormalCheckNotPassed(submission.applicationId, 'assessed');
  return submission;
}

export function toAssessment(command: AssessmentCommand, submission: Submission): Assessment {
  const { scores, weightedScore } = weighScores(criteriaOf(submission.call), command.scores);
  const comment = command.comment?.trim();
  const assessorName = command.assessorName?.trim();
  return {
    applicationId: submission.applicationId,
    assessor: command.assessor,
    ...(assessorName ? { assessorName } : {}),
    scores,
    weightedScore,
    ...(comment ? { comment } : {}),
  };
}

export const MIN_SCORE = 0;
export const MAX_SCORE = 10;

/**
 * A call that names no weighted criteria (the 2011 call published none) is assessed on the one
 * question the selection asked of every concept: how it improves children's situation through
 * prevention.
 */
export const CONCEPT_CRITERION: AssessmentCriterion = {
  criterionId: 'concept',
  title: 'Konzept: Verbesserung der Lage von Kindern durch Prävention',
  weight: 1,
};

export function criteriaOf(call: { assessmentCriteria?: AssessmentCriterion[] }): AssessmentCriterion[] {
  return call.assessmentCriteria?.length ? call.assessmentCriteria : [CONCEPT_CRITERION];
}

/**
 * Every criterion scored exactly once with a whole number from 0 to 10; the weighted score is
 * the weighted mean, rounded to two decimals (a ranking aid, not money).
 */
export function weighScores(
  criteria: AssessmentCriterion[],
  given: { criterionId: string; score: number }[],
): { scores: CriterionScore[]; weightedScore: number } {
  const weights = new Map(criteria.map((c) => [c.criterionId, c.weight]));
  const seen = new Set<string>();
  for (const { criterionId, score } of given) {
    if (!weights.has(criterionId)) throw new UnknownCriterion(criterionId, [...weights.keys()]);
    if (seen.has(criterionId)) throw new CriterionScoredTwice(criterionId);
    seen.add(criterionId);
    if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE)
      throw new ScoreOutOfRange(criterionId, score);
  }
  const missing = criteria.filter((c) => !seen.has(c.criterionId)).map((c) => c.criterionId);
  if (missing.length > 0) throw new CriterionNotScored(missing);
  const scores = criteria.map((c) => ({
    criterionId: c.criterionId,
    score: given.find((g) => g.criterionId === c.criterionId)?.score ?? 0,
    weight: c.weight,
  }));
  const totalWeight = scores.reduce((sum, s) => sum + s.weight, 0);
  const weighted = scores.reduce((sum, s) => sum + s.score * s.weight, 0) / totalWeight;
  return { scores, weightedScore: Math.round(weighted * 100) / 100 };
}
