import type { Decider } from '@app/eventsourcing';
import { CriterionTwice, EvaluationExists, UnknownProgramme } from '../errors';
import {
  type EvaluationCriterionDefinition,
  type EvaluationEvent,
  type EvaluationState,
  evolveEvaluation,
  initialEvaluationState,
} from '../evaluation';

export interface CreateEvaluation {
  evaluationId: string;
  programmeId: string;
  /** Outside fact: whether the programme's stream says it exists. */
  programmeExists: boolean;
  title: string;
  criteria: EvaluationCriterionDefinition[];
}

/** The grants office sets up an evaluation of one programme with the criteria it will assess. */
export function createEvaluation(command: CreateEvaluation, state: EvaluationState): EvaluationEvent[] {
  if (state.status !== 'none') throw new EvaluationExists(command.evaluationId);
  if (!command.programmeExists) throw new UnknownProgramme(command.programmeId);
  const { evaluationId, programmeId, title } = command;
  const seen = new Set<string>();
  for (const { criterionId } of command.criteria) {
    if (seen.has(criterionId)) throw new CriterionTwice({ criterionId });
    seen.add(criterionId);
  }
  const criteria = command.criteria.map(({ criterionId, name, description }) => ({
    criterionId,
    name,
    ...(description !== undefined && { description }),
  }));
  return [{ type: 'EvaluationCreated', data: { evaluationId, programmeId, title, criteria } }];
}

export const createEvaluationDecider: Decider<CreateEvaluation, EvaluationEvent, EvaluationState> = {
  decide: createEvaluation,
  evolve: evolveEvaluation,
  initialState: initialEvaluationState,
};
