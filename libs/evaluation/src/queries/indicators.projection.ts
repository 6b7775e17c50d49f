import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type { IndicatorValueRecorded } from '../evaluation';

/** The part of the ESF reporting context's `ReportAccepted` this context relies on (docs/events.md). */
type ReportAccepted = {
  type: 'ReportAccepted';
  data: {
    reportId: string;
    ags: string;
    periodId: string;
    from: string;
    to: string;
    year: number;
    indicators: Record<string, number>;
  };
};

export interface IndicatorPoint {
  from: string;
  to: string;
  value: number;
  source: 'esf-report' | 'evaluation';
  /** The accepted report, or the evaluation that recorded the value. */
  sourceId: string;
  periodId?: string;
  note?: string;
}

/** AGS → indicator → point key → point. Keys make a re-accepted report or a corrected value replace, not add. */
export type IndicatorsReadModel = Map<string, Map<string, Map<string, IndicatorPoint>>>;

function put(model: IndicatorsReadModel, ags: string, indicator: string, point: IndicatorPoint): void {
  const byIndicator = model.get(ags) ?? new Map<string, Map<string, IndicatorPoint>>();
  model.set(ags, byIndicator);
  const series = byIndicator.get(indicator) ?? new Map<string, IndicatorPoint>();
  byIndicator.set(indicator, series);
  series.set(JSON.stringify([point.source, point.sourceId, point.from, point.to]), point);
}

export const indicatorsProjection: Projection<IndicatorsReadModel> = {
  name: 'evaluation-indicators',
  eventTypes: ['ReportAccepted', 'IndicatorValueRecorded'],
  initialState: () => new Map(),
  apply(model, recorded: RecordedEvent) {
    if (recorded.type === 'ReportAccepted') {
      const { reportId, ags, periodId, from, to, indicators } = (recorded as RecordedEvent<ReportAccepted>)
        .data;
      for (const [indicator, value] of Object.entries(indicators ?? {})) {
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        put(model, ags, indicator, { from, to, value, source: 'esf-report', sourceId: reportId, periodId });
      }
    } else if (recorded.type === 'IndicatorValueRecorded') {
      const { evaluationId, ags, indicator, period, value, note } = (
        recorded as RecordedEvent<IndicatorValueRecorded>
      ).data;
      put(model, ags, indicator, {
        ...period,
        value,
        source: 'evaluation',
        sourceId: evaluationId,
        ...(note !== undefined ? { note } : {}),
      });
    }
    return model;
  },
};

/** Each indicator's points in period order (by start, then end, ESF reports before recorded values). */
export function indicatorSeries(model: IndicatorsReadModel, ags: string, only?: string) {
  const byIndicator = model.get(ags) ?? new Map<string, Map<string, IndicatorPoint>>();
  return [...byIndicator.entries()]
    .filter(([indicator]) => only === undefined || indicator === only)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([indicator, points]) => ({
      indicator,
      series: [...points.values()].sort(
        (a, b) =>
          a.from.localeCompare(b.from) ||
          a.to.localeCompare(b.to) ||
          a.source.localeCompare(b.source) ||
          a.sourceId.localeCompare(b.sourceId),
      ),
    }));
}
