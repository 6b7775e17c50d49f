import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  berlinDateTime,
  type FundingExportView,
  type FundingLineView,
  formatPeriod,
  periodOf,
} from '@app/documents';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import { grantsProjection } from '@app/grants';
import { phaseNumber } from '@app/grants/grant';
import { programmesCallsProjection } from '@app/programmes-calls';
import { Clock, MunicipalityRegistry } from '@app/shared';
import { programmeSources } from '@app/grants/funding-totals/funding-totals.query';
import { esfReportsProjection } from '../queries/esf-reports.projection';
import { esfTotalsProjection } from '../queries/esf-totals.projection';

export class GetFundingExportQuery extends Query<FundingExportView> {
  constructor(readonly programmeId: string) {
    super();
  }
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'];

/**
 * A period as the schedule named it (`2012`, `2012-H1`): the year or half even where the grant
 * clipped its days (a grant from March reports for "2012"); any other period by its days.
 */
function periodLabel(periodId: string, from: string, to: string): string {
  const year = /^(\d{4})(?:-H([12]))?$/.exec(periodId);
  if (!year) return formatPeriod(periodOf(from, to));
  const [, y, half] = year;
  return formatPeriod(
    half ? { kind: 'half', year: Number(y), half: Number(half) as 1 | 2 } : { kind: 'year', year: Number(y) },
  );
}

/**
 * The accepted expenditure of a programme as the documents library's exports read it: every
 * euro of the totals, one line per accepted report and source, named (municipality, grant and
 * phase, report period) with its ids beside. The same read model as `GET …/esf-totals`.
 */
@QueryHandler(GetFundingExportQuery)
export class GetFundingExportHandler implements IQueryHandler<GetFundingExportQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
    private readonly clock: Clock,
  ) {}

  async execute({ programmeId }: GetFundingExportQuery): Promise<FundingExportView> {
    const catalogue = this.projections.state(programmesCallsProjection);
    const programme = catalogue.programmes.get(programmeId);
    if (!programme) throw new NotFound('Programme', programmeId);
    const reports = this.projections.state(esfReportsProjection).byId;
    const grants = this.projections.state(grantsProjection).byId;
    const found = [...(this.projections.state(esfTotalsProjection).get(programmeId)?.values() ?? [])];
    // The sources as the programme's terms name them; a source they do not name (a report of
    // earlier terms) by its id, only where money was booked on it.
    const sources = programmeSources(catalogue.rules.get(programmeId) ?? []).map(
      ({ sourceId, name, kind }) => ({
        sourceId,
        name,
        kind: kind === 'grant' ? ('grant' as const) : ('own' as const),
      }),
    );
    for (const { source, cents } of found)
      if (cents !== 0 && !sources.some((s) => s.sourceId === source))
        sources.push({ sourceId: source, name: source, kind: 'grant' });
    const order = sources.map((s) => s.sourceId);
    const totals = found
      .filter((line) => order.includes(line.source))
      .sort((a, b) => a.year - b.year || order.indexOf(a.source) - order.indexOf(b.source));
    const lines: FundingLineView[] = totals.flatMap((line) =>
      line.contributions.map((c): FundingLineView => {
        const name = this.registry.find(c.ags)?.name ?? c.ags;
        const phase = phaseNumber(grants.get(c.grantId)?.phaseId);
        const report = reports.get(c.reportId);
        return {
          year: line.year,
          sourceId: line.source,
          cents: c.cents,
          grant: {
            grantId: c.grantId,
            label: phase ? `${name} – Förderphase ${ROMAN[phase] ?? phase}` : name,
          },
          municipality: { ags: c.ags, name },
          report: {
            reportId: c.reportId,
            periodLabel: report ? periodLabel(report.periodId, report.from, report.to) : c.reportId,
            ...(report?.accepted ? { acceptedOn: berlinDateTime(report.accepted.acceptedAt).date } : {}),
          },
        };
      }),
    );
    const years = lines.map((l) => l.year);
    const first = Math.min(...years);
    return {
      programme: { programmeId, title: programme.title },
      issuer: `Bewilligungsbehörde „${programme.title}“`,
      asOf: berlinDateTime(this.clock.nowIso()).date,
      sources,
      years:
        years.length > 0 ? Array.from({ length: Math.max(...years) - first + 1 }, (_, i) => first + i) : [],
      lines,
    };
  }
}
