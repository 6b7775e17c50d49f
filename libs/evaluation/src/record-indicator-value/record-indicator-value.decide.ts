import { type Decider, germanDate, NotFound } from '@app/eventsourcing';
import { IndicatorPeriodInvalid, UnknownMunicipality } from '../errors';
import {
  type EvaluationEvent,
  type EvaluationState,
  evolveEvaluation,
  type IndicatorPeriod,
  indicatorKey,
  initialEvaluationState,
} from '../evaluation';

export interface RecordIndicatorValue {
  evaluationId: string;
  ags: string;
  indicator: string;
  /** Either a date (the value at that day) or a period (the value over it). */
  date?: string;
  period?: IndicatorPeriod;
  value: number;
  note?: string;
  /** Outside fact: whether the municipality registry knows the AGS. */
  municipalityKnown: boolean;
}

/**
 * The grants office records an indicator value for impact monitoring. A value for the same
 * municipality, indicator and period replaces the earlier one, and says which it replaced.
 */
export function recordIndicatorValue(
  command: RecordIndicatorValue,
  state: EvaluationState,
): EvaluationEvent[] {
  if (state.status === 'none') throw new NotFound('Evaluation', command.evaluationId);
  if (!command.municipalityKnown) throw new UnknownMunicipality(command.ags);
  const period = periodOf(command);
  const { ags, indicator, value, note } = command;
  const before = state.indicatorValues.get(indicatorKey(ags, indicator, period));
  if (before === value) return [];
  return [
    {
      type: 'IndicatorValueRecorded',
      data: {
        evaluationId: state.evaluationId,
        ags,
        indicator,
        period,
        value,
        ...(before !== undefined ? { supersedes: before } : {}),
        ...(note !== undefined ? { note } : {}),
      },
    },
  ];
}

function periodOf({ date, period }: RecordIndicatorValue): IndicatorPeriod {
  if (date !== undefined && period !== undefined)
    throw new IndicatorPeriodInvalid({
      de: 'bitte Datum oder Zeitraum angeben, nicht beides.',
      en: 'give a date or a period, not both.',
    });
  if (date !== undefined) return { from: date, to: date };
  if (period === undefined)
    throw new IndicatorPeriodInvalid({ de: 'keines von beiden ist angegeben.', en: 'neither was given.' });
  if (period.to < period.from)
    throw new IndicatorPeriodInvalid({
      de: `${germanDate(period.from)} liegt nach ${germanDate(period.to)}.`,
      en: `${period.from} is after ${period.to}.`,
    });
  return { from: period.from, to: period.to };
}

export const recordIndicatorValueDecider: Decider<RecordIndicatorValue, EvaluationEvent, EvaluationState> = {
  decide: recordIndicatorValue,
  evolve: evolveEvaluation,
  initialState: initialEvaluationState,
};
