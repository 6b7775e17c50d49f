import { PhaseNumberNotMappable, PhaseStatedTwice } from '../errors';
import type { PhaseName, SurveyQuestion } from '../survey';

/** A question as a client sends it: phases by id, or (deprecated) by number as before phases were named. */
export type QuestionInput = Omit<SurveyQuestion, 'phaseIds'> & { phaseIds?: string[]; phases?: number[] };

/**
 * The question as it is recorded: its phases by id only. Numbers, as clients sent them before
 * phases were named, are converted here at the edge with the programme's terms: n is the phase
 * `phase-<n>` (the 2011 programme's Förderphase I and II), refused where the terms name no such
 * phase. Both given: they must name the same phases. An empty list is no list: asked of everyone.
 * Whether each id is a phase of the programme is the decision's to check.
 */
export function withPhaseIds(
  { phases: numbers, phaseIds, ...question }: QuestionInput,
  programme: { programmeId: string; phases: readonly PhaseName[] },
): SurveyQuestion {
  let ids = phaseIds;
  if (numbers !== undefined) {
    const fromNumbers = numbers.map((n) => `phase-${n}`);
    if (ids !== undefined) {
      const same = ids.length === fromNumbers.length && ids.every((id) => fromNumbers.includes(id));
      if (!same)
        throw new PhaseStatedTwice({ questionId: question.questionId, phases: numbers, phaseIds: ids });
    } else {
      const unknown = numbers.find((n) => !programme.phases.some((p) => p.phaseId === `phase-${n}`));
      if (unknown !== undefined)
        throw new PhaseNumberNotMappable({
          questionId: question.questionId,
          phase: unknown,
          programmeId: programme.programmeId,
        });
      ids = fromNumbers;
    }
  }
  return ids && ids.length > 0 ? { ...question, phaseIds: ids } : question;
}
