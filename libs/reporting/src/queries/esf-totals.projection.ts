import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type { ReportAccepted } from '../esf-report';

/** One accepted report's part of a line: the euro traced to its report and its event. */
export interface Contribution {
  reportId: string;
  grantId: string;
  ags: string;
  eventId: string;
  position: number;
  cents: number;
}

export interface TotalsLine {
  year: number;
  /** The source's id as the report states it (the 2011 programme: `esf`, `land`, `own`). */
  source: string;
  cents: number;
  contributions: Contribution[];
}

/**
 * programmeId → `<year>:<source>` → line; built only from ReportAccepted events (schema version 2:
 * one line per source the report states, as the notice's sources).
 */
export type EsfTotalsReadModel = Map<string, Map<string, TotalsLine>>;

export const esfTotalsProjection: Projection<EsfTotalsReadModel> = {
  name: 'esf-totals',
  eventTypes: ['ReportAccepted'],
  initialState: () => new Map(),
  apply(model, recorded: RecordedEvent) {
    if (recorded.type !== 'ReportAccepted') return model;
    const { programmeId, year, reportId, grantId, ags, expenditure } =
      recorded.data as ReportAccepted['data'];
    const lines = model.get(programmeId) ?? new Map<string, TotalsLine>();
    model.set(programmeId, lines);
    for (const { sourceId: source, cents } of expenditure) {
      const key = `${year}:${source}`;
      const line = lines.get(key) ?? { year, source, cents: 0, contributions: [] };
      lines.set(key, line);
      line.cents += cents;
      line.contributions.push({
        reportId,
        grantId,
        ags,
        eventId: recorded.metadata.eventId,
        position: recorded.position,
        cents,
      });
    }
    return model;
  },
};
