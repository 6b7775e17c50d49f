import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Column, Table, Workbook } from '@app/documents';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import { type ProgrammeRulesVersion, programmesCallsProjection } from '@app/programmes-calls';
import { berlinDate, CALL_TERMS_ONLY } from '@app/programmes-calls/rules';
import type { Clock } from '@app/shared';
import { noticeTerms } from '../funding-sources';
import type { GrantSource } from '../grant-settings';
import { fundingTotalsProjection } from './funding-totals.projection';

export interface FundingSourceView {
  sourceId: string;
  /** As the programme's terms name it: "Bund", "ESF", "Eigenmittel". */
  name: string;
  kind: GrantSource['kind'] | 'unknown';
}

export interface FundingTotalsView {
  programmeId: string;
  programmeTitle: string;
  currency: 'EUR';
  /** Every source the programme's terms name (any version), in the order of its latest terms. */
  sources: FundingSourceView[];
  /** One row per year with accepted expenditure, the cents per source in `sources` order. */
  years: { year: number; bySource: { sourceId: string; cents: number }[]; totalCents: number }[];
  bySource: { sourceId: string; name: string; cents: number; percent: number | null }[];
  totalCents: number;
}

export class GetFundingTotalsQuery extends Query<FundingTotalsView> {
  constructor(readonly programmeId: string) {
    super();
  }
}

/** The sources of every version of the terms, the latest version's first and its names winning. */
export function programmeSources(versions: readonly ProgrammeRulesVersion[]): FundingSourceView[] {
  const ordered = [...versions].sort((a, b) => b.version - a.version);
  const terms = ordered.length
    ? ordered.map((v) => noticeTerms(versions, { version: v.version, effectiveFrom: v.effectiveFrom }))
    : [noticeTerms([], CALL_TERMS_ONLY)];
  const sources = new Map<string, FundingSourceView>();
  for (const t of terms)
    for (const { sourceId, name, kind } of t?.sources ?? [])
      if (!sources.has(sourceId)) sources.set(sourceId, { sourceId, name, kind });
  return [...sources.values()];
}

/** Percent points of a part, to two decimals; null of nothing. */
const percentOf = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part * 10_000) / whole) / 100;

/**
 * The programme's accepted expenditure by year and source, each source by the name its terms
 * give it. Sources the terms do not name (reports of earlier terms) keep their id as name, and
 * show only when money was booked on them.
 */
@QueryHandler(GetFundingTotalsQuery)
export class GetFundingTotalsHandler implements IQueryHandler<GetFundingTotalsQuery> {
  constructor(private readonly projections: ProjectionRunner) {}

  async execute({ programmeId }: GetFundingTotalsQuery): Promise<FundingTotalsView> {
    const programmes = this.projections.state(programmesCallsProjection);
    const programme = programmes.programmes.get(programmeId);
    if (!programme) throw new NotFound('Programme', programmeId);
    const sources = programmeSources(programmes.rules.get(programmeId) ?? []);
    const lines = [...(this.projections.state(fundingTotalsProjection).get(programmeId)?.values() ?? [])];
    // A source the terms do not name shows only where money was booked on it: an ESF of 0 in a
    // report of a programme without ESF (as version-1 reports had to state) is no source.
    for (const { sourceId, cents: booked } of lines)
      if (booked !== 0 && !sources.some((s) => s.sourceId === sourceId))
        sources.push({ sourceId, name: sourceId, kind: 'unknown' });
    const yearsSeen = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
    const cents = (year: number | undefined, sourceId: string) =>
      lines
        .filter((l) => l.sourceId === sourceId && (year === undefined || l.year === year))
        .reduce((sum, l) => sum + l.cents, 0);
    const years = yearsSeen.map((year) => {
      const bySource = sources.map(({ sourceId }) => ({ sourceId, cents: cents(year, sourceId) }));
      return { year, bySource, totalCents: bySource.reduce((sum, s) => sum + s.cents, 0) };
    });
    const totalCents = years.reduce((sum, y) => sum + y.totalCents, 0);
    return {
      programmeId,
      programmeTitle: programme.title,
      currency: 'EUR',
      sources,
      years,
      bySource: sources.map(({ sourceId, name }) => {
        const c = cents(undefined, sourceId);
        return { sourceId, name, cents: c, percent: percentOf(c, totalCents) };
      }),
      totalCents,
    };
  }
}

/** A row per year, a column per source headed by its name, the total beside; a totals row below. */
export function fundingTotalsTable(view: FundingTotalsView): Table {
  const columns: Column[] = [
    {
      key: 'year',
      header: 'Jahr',
      headerEn: 'Year',
      machineHeader: 'year',
      type: 'integer',
      grouping: false,
    },
    ...view.sources.map((s): Column => ({
      key: `source:${s.sourceId}`,
      header: `${s.name} (€)`,
      headerEn: `${s.name} (€)`,
      machineHeader: `${s.sourceId.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}_eur`,
      type: 'money-cents',
    })),
    {
      key: 'total',
      header: 'Gesamt (€)',
      headerEn: 'Total (€)',
      machineHeader: 'total_eur',
      type: 'money-cents',
    },
  ];
  return {
    name: 'Ausgaben nach Jahr',
    nameEn: 'Expenditure by year',
    caption: `${view.programmeTitle}: anerkannte Ausgaben nach Jahr und Finanzierungsquelle`,
    captionEn: `${view.programmeTitle}: accepted expenditure by year and funding source`,
    columns,
    rows: view.years.map((y) => ({
      year: y.year,
      ...Object.fromEntries(y.bySource.map((s) => [`source:${s.sourceId}`, s.cents])),
      total: y.totalCents,
    })),
    totals: { label: 'Summe', labelEn: 'Total', columns: columns.slice(1).map((c) => c.key) },
  };
}

/** The share of each source in the whole, for the workbook's second sheet. */
export function fundingSharesTable(view: FundingTotalsView): Table {
  return {
    name: 'Anteile der Quellen',
    nameEn: 'Shares of the sources',
    columns: [
      {
        key: 'source',
        header: 'Finanzierungsquelle',
        headerEn: 'Funding source',
        machineHeader: 'source',
        type: 'text',
      },
      {
        key: 'cents',
        header: 'Betrag (€)',
        headerEn: 'Amount (€)',
        machineHeader: 'amount_eur',
        type: 'money-cents',
      },
      {
        key: 'percent',
        header: 'Anteil',
        headerEn: 'Share',
        machineHeader: 'share_percent',
        type: 'percent',
        fractionDigits: 2,
      },
    ],
    rows: view.bySource.map((s) => ({ source: s.name, cents: s.cents, percent: s.percent })),
    totals: { label: 'Summe', labelEn: 'Total', columns: ['cents'] },
  };
}

export function fundingTotalsWorkbook(view: FundingTotalsView, clock: Clock): Workbook {
  return {
    title: `${view.programmeTitle}: Ausgaben nach Finanzierungsquelle`,
    titleEn: `${view.programmeTitle}: expenditure by funding source`,
    creator: 'Bewilligungsstelle',
    asOf: berlinDate(clock.now().toISOString()),
    sheets: [fundingTotalsTable(view), fundingSharesTable(view)],
  };
}
