import type { Decider } from '@app/eventsourcing';
import { EvaluationExists, UnknownProgramme } from '../errors';
import {
  type EvaluationCriterion,
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
  criteria: EvaluationCriterion[];
}

/** The grants office sets up an evaluation of one programme with the criteria it will assess. */
export function createEvaluation(command: CreateEvaluation, state: EvaluationState): EvaluationEvent[] {
  if (state.status !== 'none') throw new EvaluationExists(command.evaluationId);
  if (!command.programmeExists) throw new UnknownProgramme(command.programmeId);
  const { evaluationId, programmeId, title, criteria } = command;
  return [{ type: 'EvaluationCreated', data: { evaluationId, programmeId, title, criteria } }];
}

export const createEvaluationDecider: Decider<CreateEvaluation, EvaluationEvent, EvaluationState> = {
  decide: createEvaluation,
  evolve: evolveEvaluation,
  initialState: initialEvaluationState,
};
