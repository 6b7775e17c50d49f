import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import { type Principal, seesEverything } from '@app/identity';
import { programmesCallsProjection } from '@app/programmes-calls';
import { MunicipalityRegistry } from '@app/shared';
import { type DisbursementView, type GrantView, grantsProjection } from './grants.projection';
import { splitBySource } from '../disbursement-split';
import { noticeTerms, sourceName } from '../funding-sources';

export interface GrantsFilter {
  programmeId?: string;
  phaseId?: string;
  ags?: string;
}

/** The grants office and auditors see every grant; a municipality only its own. */
export function mayRead(principal: Principal, view: GrantView): boolean {
  return seesEverything(principal) || (principal.ags !== undefined && view.ags === principal.ags);
}

export class ListGrantsQuery extends Query<GrantView[]> {
  constructor(
    readonly principal: Principal,
    readonly filter: GrantsFilter,
  ) {
    super();
  }
}

export class GetGrantQuery extends Query<GrantView> {
  constructor(
    readonly principal: Principal,
    readonly grantId: string,
  ) {
    super();
  }
}

export class ListDisbursementsQuery extends Query<DisbursementView[]> {
  constructor(
    readonly principal: Principal,
    readonly grantId: string,
  ) {
    super();
  }
}

@QueryHandler(ListGrantsQuery)
export class ListGrantsHandler implements IQueryHandler<ListGrantsQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
  ) {}
  async execute({ principal, filter }: ListGrantsQuery): Promise<GrantView[]> {
    const model = this.projections.state(grantsProjection);
    const candidates = seesEverything(principal)
      ? [...model.byId.values()]
      : (model.byAgs.get(principal.ags ?? '') ?? []).map((id) => model.byId.get(id) as GrantView);
    return candidates
      .filter(
        (v) =>
          mayRead(principal, v) &&
          (!filter.programmeId || v.programmeId === filter.programmeId) &&
          (!filter.phaseId || v.phaseId === filter.phaseId) &&
          (!filter.ags || v.ags === filter.ags),
      )
      .map((v) => named(v, this.projections, this.registry));
  }
}

@QueryHandler(GetGrantQuery)
export class GetGrantHandler implements IQueryHandler<GetGrantQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
  ) {}
  async execute({ principal, grantId }: GetGrantQuery): Promise<GrantView> {
    const view = this.projections.state(grantsProjection).byId.get(grantId);
    if (!view || !mayRead(principal, view)) throw new NotFound('Grant', grantId);
    return named(view, this.projections, this.registry);
  }
}

/** The grant with names for people beside its ids: municipality, phase, programme, sources. */
function named(view: GrantView, projections: ProjectionRunner, registry: MunicipalityRegistry): GrantView {
  const model = projections.state(programmesCallsProjection);
  const programme = model.programmes.get(view.programmeId);
  const terms = noticeTerms(model.rules.get(view.programmeId) ?? [], view.rules);
  const phaseName =
    view.phaseId === undefined
      ? undefined
      : (terms?.phases.find((p) => p.phaseId === view.phaseId)?.name ?? view.phaseId);
  return {
    ...view,
    municipalityName: registry.find(view.ags)?.name ?? view.ags,
    ...(phaseName !== undefined ? { phaseName } : {}),
    ...(programme ? { programmeTitle: programme.title } : {}),
    financingNames: view.financing.map(({ sourceId, cents }) => ({
      sourceId,
      name: sourceName(terms?.sources ?? [], sourceId),
      cents,
    })),
  };
}

@QueryHandler(ListDisbursementsQuery)
export class ListDisbursementsHandler implements IQueryHandler<ListDisbursementsQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ principal, grantId }: ListDisbursementsQuery): Promise<DisbursementView[]> {
    const model = this.projections.state(grantsProjection);
    const view = model.byId.get(grantId);
    if (!view || !mayRead(principal, view)) throw new NotFound('Grant', grantId);
    const rules = this.projections.state(programmesCallsProjection).rules.get(view.programmeId) ?? [];
    const sources = noticeTerms(rules, view.rules)?.sources ?? [];
    // The office pays the grant sources; own funds and third parties are the grantee's part.
    const grantSources = view.financing.filter(
      (f) => (sources.find((s) => s.sourceId === f.sourceId)?.kind ?? 'grant') === 'grant',
    );
    return (model.disbursements.get(grantId) ?? []).map((d) => ({
      ...d,
      bySource: splitBySource(d.amountCents, grantSources).map(({ sourceId, cents }) => ({
        sourceId,
        name: sourceName(sources, sourceId),
        cents,
      })),
    }));
  }
}
