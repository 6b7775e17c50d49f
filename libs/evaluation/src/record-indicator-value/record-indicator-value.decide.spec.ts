import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { IndicatorPeriodInvalid, UnknownMunicipality } from '../errors';
import type { IndicatorValueRecorded } from '../evaluation';
import { evaluationCreated } from '../testing-fixtures';
import { type RecordIndicatorValue, recordIndicatorValueDecider } from './record-indicator-value.decide';

const spec = deciderSpecification(recordIndicatorValueDecider);
const record = (overrides: Partial<RecordIndicatorValue> = {}): RecordIndicatorValue => ({
  evaluationId: 'kkz-evaluation',
  ags: '05978000',
  indicator: 'children-in-day-care-under-3-percent',
  period: { from: '2016-01-01', to: '2016-12-31' },
  value: 27.5,
  municipalityKnown: true,
  ...overrides,
});
const recorded = (
  value: number,
  extra: Partial<IndicatorValueRecorded['data']> = {},
): IndicatorValueRecorded => ({
  type: 'IndicatorValueRecorded',
  data: {
    evaluationId: 'kkz-evaluation',
    ags: '05978000',
    indicator: 'children-in-day-care-under-3-percent',
    period: { from: '2016-01-01', to: '2016-12-31' },
    value,
    ...extra,
  },
});

describe('record an indicator value', () => {
  it('records a value for a period', () =>
    spec
      .given([evaluationCreated()])
      .when(record())
      .then([recorded(27.5)]));

  it('records a value at a date as a one-day period', () =>
    spec
      .given([evaluationCreated()])
      .when(record({ period: undefined, date: '2017-12-31' }))
      .then([recorded(27.5, { period: { from: '2017-12-31', to: '2017-12-31' } })]));

  it('replaces an earlier value for the same period and names it; the same value again changes nothing', () => {
    spec
      .given([evaluationCreated(), recorded(27.5)])
      .when(record({ value: 28 }))
      .then([recorded(28, { supersedes: 27.5 })]);
    spec
      .given([evaluationCreated(), recorded(27.5)])
      .when(record())
      .then([]);
  });

  it('refuses a value for an evaluation that does not exist', () =>
    spec.given([]).when(record()).thenThrows(NotFound, 'not-found'));

  it('refuses a value for an unknown municipality', () =>
    spec
      .given([evaluationCreated()])
      .when(record({ municipalityKnown: false }))
      .thenThrows(UnknownMunicipality, 'unknown-municipality'));

  it('refuses a period that ends before it starts, both a date and a period, or neither', () => {
    const given = spec.given([evaluationCreated()]);
    given
      .when(record({ period: { from: '2017-01-01', to: '2016-12-31' } }))
      .thenThrows(IndicatorPeriodInvalid, 'indicator-period-invalid');
    given.when(record({ date: '2016-12-31' })).thenThrows(IndicatorPeriodInvalid);
    given.when(record({ period: undefined })).thenThrows(IndicatorPeriodInvalid);
  });
});
