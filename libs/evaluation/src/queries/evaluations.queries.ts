import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { MunicipalityRegistry } from '@app/shared';
import { readsEvaluation } from '../evaluation-access';
import { evaluationsProjection, type EvaluationView } from './evaluations.projection';
import { type IndicatorPoint, indicatorSeries, indicatorsProjection } from './indicators.projection';

export class ListEvaluationsQuery extends Query<EvaluationView[]> {}

export class GetEvaluationQuery extends Query<EvaluationView> {
  constructor(readonly evaluationId: string) {
    super();
  }
}

export interface MunicipalityIndicators {
  ags: string;
  name?: string;
  municipalityType?: string;
  indicators: { indicator: string; series: IndicatorPoint[] }[];
}

export class MunicipalityIndicatorsQuery extends Query<MunicipalityIndicators> {
  constructor(
    readonly principal: Principal,
    readonly ags: string,
    readonly indicator?: string,
  ) {
    super();
  }
}

@QueryHandler(ListEvaluationsQuery)
export class ListEvaluationsHandler implements IQueryHandler<ListEvaluationsQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute(): Promise<EvaluationView[]> {
    return [...this.projections.state(evaluationsProjection).evaluations.values()];
  }
}

@QueryHandler(GetEvaluationQuery)
export class GetEvaluationHandler implements IQueryHandler<GetEvaluationQuery> {
  constructor(private readonly projections: ProjectionRunner) {}
  async execute({ evaluationId }: GetEvaluationQuery): Promise<EvaluationView> {
    const view = this.projections.state(evaluationsProjection).evaluations.get(evaluationId);
    if (!view) throw new NotFound('Evaluation', evaluationId);
    return view;
  }
}

/**
 * Indicator time series of one municipality, from accepted ESF reports and from values the
 * grants office recorded. A municipality sees only its own; an AGS nobody knows does not exist.
 */
@QueryHandler(MunicipalityIndicatorsQuery)
export class MunicipalityIndicatorsHandler implements IQueryHandler<MunicipalityIndicatorsQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
  ) {}

  async execute({ principal, ags, indicator }: MunicipalityIndicatorsQuery): Promise<MunicipalityIndicators> {
    if (!readsEvaluation(principal) && principal.ags !== ags) throw new NotFound('Municipality', ags);
    const model = this.projections.state(indicatorsProjection);
    const municipality = this.registry.find(ags);
    if (!municipality && !model.has(ags)) throw new NotFound('Municipality', ags);
    return {
      ags,
      ...(municipality ? { name: municipality.name, municipalityType: municipality.type } : {}),
      indicators: indicatorSeries(model, ags, indicator),
    };
  }
}
