import { streamName } from '@app/eventsourcing';

/**
 * One criterion an evaluation assesses, as the grants office defines it for that evaluation
 * (the 2018 evaluation's seven are data of the demo, see `legacy/criteria-2018.ts`).
 */
export interface EvaluationCriterionDefinition {
  criterionId: string;
  name: string;
  description?: string;
}

/** A period a value stands for; a value at one date has `from` = `to`. Dates `YYYY-MM-DD`. */
export interface IndicatorPeriod {
  from: string;
  to: string;
}

export type EvaluationCreated = {
  type: 'EvaluationCreated';
  data: {
    evaluationId: string;
    programmeId: string;
    title: string;
    /** Schema version 2: the criteria with their names (v1: ids of the 2018 catalogue). */
    criteria: EvaluationCriterionDefinition[];
  };
};

/** A value for impact monitoring that the grants office records (not one from an ESF report). */
export type IndicatorValueRecorded = {
  type: 'IndicatorValueRecorded';
  data: {
    evaluationId: string;
    ags: string;
    indicator: string;
    period: IndicatorPeriod;
    value: number;
    /** The value recorded earlier for the same municipality, indicator and period, if any. */
    supersedes?: number;
    note?: string;
  };
};

export type EvaluationEvent = EvaluationCreated | IndicatorValueRecorded;

export type EvaluationState =
  | { status: 'none' }
  | {
      status: 'created';
      evaluationId: string;
      programmeId: string;
      criteria: EvaluationCriterionDefinition[];
      /** `indicatorKey(...)` → the value in force. */
      indicatorValues: Map<string, number>;
    };

export const evaluationStream = (evaluationId: string) => streamName('evaluation', evaluationId);

export const indicatorKey = (ags: string, indicator: string, period: IndicatorPeriod) =>
  JSON.stringify([ags, indicator, period.from, period.to]);

export function initialEvaluationState(): EvaluationState {
  return { status: 'none' };
}

export function evolveEvaluation(state: EvaluationState, event: EvaluationEvent): EvaluationState {
  switch (event.type) {
    case 'EvaluationCreated':
      return {
        status: 'created',
        evaluationId: event.data.evaluationId,
        programmeId: event.data.programmeId,
        criteria: event.data.criteria,
        indicatorValues: new Map(),
      };
    case 'IndicatorValueRecorded': {
      if (state.status === 'none') return state;
      const { ags, indicator, period, value } = event.data;
      const indicatorValues = new Map(state.indicatorValues);
      indicatorValues.set(indicatorKey(ags, indicator, period), value);
      return { ...state, indicatorValues };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
