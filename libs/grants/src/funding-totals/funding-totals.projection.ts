import type { Projection, RecordedEvent } from '@app/eventsourcing';
import type { SourceAmount } from '../grant';

/**
 * The accepted interim reports' expenditure, by programme, year and source: what the programme
 * actually spent, each source as the grants' terms name it. Read by the reporting context's event
 * contract (docs/events.md): `ReportAccepted` v2 states its expenditure as a list of
 * { sourceId, cents }, one per source of the notice; stored version-1 events (`EsfReportAccepted`,
 * `ReportAccepted` v1) reach it upcast to that list, and their `<source>Cents` fields (`esfCents`,
 * `landCents`, `ownCents`) are still read as the sources `esf`, `land` and `own` should one
 * arrive as stored.
 */
export const ACCEPTED_REPORT_TYPES = ['EsfReportAccepted', 'ReportAccepted'] as const;

export interface FundingTotalsLine {
  year: number;
  sourceId: string;
  cents: number;
  /** How many accepted reports it is made of. */
  reports: number;
}

/** programmeId → `<year>:<sourceId>` → line. */
export type FundingTotalsReadModel = Map<string, Map<string, FundingTotalsLine>>;

interface AcceptedReportData {
  programmeId?: unknown;
  year?: unknown;
  expenditure?: unknown;
}

/** The expenditure by source, whichever of the two forms a report states it in. */
export function expenditureBySource(expenditure: unknown): SourceAmount[] {
  if (Array.isArray(expenditure))
    return expenditure.filter(
      (e): e is SourceAmount => typeof e?.sourceId === 'string' && Number.isSafeInteger(e?.cents),
    );
  if (typeof expenditure !== 'object' || expenditure === null) return [];
  return Object.entries(expenditure as Record<string, unknown>)
    .filter(([key, cents]) => key.endsWith('Cents') && key !== 'totalCents' && Number.isSafeInteger(cents))
    .map(([key, cents]) => ({ sourceId: key.slice(0, -'Cents'.length), cents: cents as number }));
}

export const fundingTotalsProjection: Projection<FundingTotalsReadModel> = {
  name: 'funding-totals',
  eventTypes: [...ACCEPTED_REPORT_TYPES],
  initialState: () => new Map(),
  apply(model, recorded: RecordedEvent) {
    if (!(ACCEPTED_REPORT_TYPES as readonly string[]).includes(recorded.type)) return model;
    const { programmeId, year, expenditure } = recorded.data as AcceptedReportData;
    if (typeof programmeId !== 'string' || !Number.isInteger(year)) return model;
    const lines = model.get(programmeId) ?? new Map<string, FundingTotalsLine>();
    model.set(programmeId, lines);
    for (const { sourceId, cents } of expenditureBySource(expenditure)) {
      const key = `${year as number}:${sourceId}`;
      const line = lines.get(key) ?? { year: year as number, sourceId, cents: 0, reports: 0 };
      line.cents += cents;
      line.reports += 1;
      lines.set(key, line);
    }
    return model;
  },
};
