import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import { type Principal, seesEverything } from '@app/identity';
import { programmesCallsProjection } from '@app/programmes-calls';
import { SOURCES } from '../esf-report';
import { eur } from '../report-rules';
import { type EsfReportView, esfReportsProjection } from './esf-reports.projection';
import { type Contribution, esfTotalsProjection } from './esf-totals.projection';

/** The grants office and auditors read every report; a municipality only its own. */
const mayRead = (principal: Principal, ags: string) => seesEverything(principal) || principal.ags === ags;

export class GetEsfReportQuery extends Query<EsfReportView> {
  constructor(
    readonly principal: Principal,
    readonly reportId: string,
  ) {
    super();
  }
}

export class ListGrantEsfReportsQuery extends Query<EsfReportView[]> {
  constructor(
    readonly principal: Principal,
    readonly grantId: string,
  ) {
    super();
  }
}

export interface EsfTotalsLineView {
  year: number;
  /** The source's id: `esf`, `land`, `own` for the 2011 programme, the notice's sources for others. */
  source: string;
  cents: number;
  /** The same amount in EUR with two decimal places, e.g. "16000.00". */
  eur: string;
  reportIds: string[];
  events: (Contribution & { eur: string })[];
}

export interface EsfTotalsView {
  programmeId: string;
  currency: 'EUR';
  lines: EsfTotalsLineView[];
  bySource: { source: string; cents: number; eur: string }[];
  totalCents: number;
  totalEur: string;
}

export class GetEsfTotalsQuery extends Query<EsfTotalsView> {
  constructor(readonly programmeId: string) {
    super();
  }
}

@QueryHandler(GetEsfReportQuery)
export class GetEsfReportHandler implements IQueryHandler<GetEsfReportQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ principal, reportId }: GetEsfReportQuery): Promise<EsfReportView> {
    const view = this.projections.state(esfReportsProjection).byId.get(reportId);
    if (!view || !mayRead(principal, view.ags)) throw new NotFound('ESF report', reportId);
    return view;
  }
}

@QueryHandler(ListGrantEsfReportsQuery)
export class ListGrantEsfReportsHandler implements IQueryHandler<ListGrantEsfReportsQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ principal, grantId }: ListGrantEsfReportsQuery): Promise<EsfReportView[]> {
    const model = this.projections.state(esfReportsProjection);
    const grant = model.grants.get(grantId);
    if (!grant || !mayRead(principal, grant.ags)) throw new NotFound('Grant', grantId);
    return (model.byGrant.get(grantId) ?? [])
      .map((id) => model.byId.get(id) as EsfReportView)
      .sort((a, b) => a.from.localeCompare(b.from));
  }
}

/** The 2011 programme's sources first (always, as the deprecated shape has them), then any other, as found. */
export const sourceOrder = (found: readonly string[]): string[] => [...new Set([...SOURCES, ...found])];

/**
 * Deprecated (`GET …/funding-totals` in the grants context names the programme's sources):
 * programme totals by year and source, made only of accepted reports: every line lists the
 * reports and the ReportAccepted events (id and position in the store) its cents come from.
 */
@QueryHandler(GetEsfTotalsQuery)
export class GetEsfTotalsHandler implements IQueryHandler<GetEsfTotalsQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ programmeId }: GetEsfTotalsQuery): Promise<EsfTotalsView> {
    if (!this.projections.state(programmesCallsProjection).programmes.has(programmeId))
      throw new NotFound('Programme', programmeId);
    const found = [...(this.projections.state(esfTotalsProjection).get(programmeId)?.values() ?? [])];
    const sources = sourceOrder(found.map((l) => l.source));
    const lines = found
      .sort((a, b) => a.year - b.year || sources.indexOf(a.source) - sources.indexOf(b.source))
      .map((line) => ({
        year: line.year,
        source: line.source,
        cents: line.cents,
        eur: eur(line.cents),
        reportIds: line.contributions.map((c) => c.reportId),
        events: line.contributions.map((c) => ({ ...c, eur: eur(c.cents) })),
      }));
    const bySource = sources.map((source) => {
      const cents = lines.filter((l) => l.source === source).reduce((sum, l) => sum + l.cents, 0);
      return { source, cents, eur: eur(cents) };
    });
    const totalCents = bySource.reduce((sum, s) => sum + s.cents, 0);
    return { programmeId, currency: 'EUR', lines, bySource, totalCents, totalEur: eur(totalCents) };
  }
}
