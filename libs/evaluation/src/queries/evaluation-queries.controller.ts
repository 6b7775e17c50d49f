import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, ListQuery, listPage, type Page } from '@app/shared';
import { AgsPipe } from '../evaluation-access';
import type { EvaluationView } from './evaluations.projection';
import {
  GetEvaluationQuery,
  ListEvaluationsQuery,
  type MunicipalityIndicators,
  MunicipalityIndicatorsQuery,
} from './evaluations.queries';

export class IndicatorFilter {
  @ApiPropertyOptional({ description: 'Only this indicator' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  indicator?: string;
}

export class EvaluationsQuery extends ListQuery('from', 'to') {}

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class EvaluationQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Every evaluation with its criteria and surveys; `from`/`to` by the day it was created. */
  @Get('evaluations')
  @Roles('grants-office', 'evaluator', 'auditor')
  async list(@QueryParam() query: EvaluationsQuery): Promise<Page<EvaluationView>> {
    const evaluations: EvaluationView[] = await this.queryBus.execute(new ListEvaluationsQuery());
    return listPage(evaluations, query, {
      text: (e) => [e.evaluationId, e.programmeId, e.title],
      date: (e) => e.createdAt,
    });
  }

  /** One evaluation with its criteria and surveys. */
  @Get('evaluations/:evaluationId')
  @Roles('grants-office', 'evaluator', 'auditor')
  get(@Param('evaluationId', IdPipe) evaluationId: string): Promise<EvaluationView> {
    return this.queryBus.execute(new GetEvaluationQuery(evaluationId));
  }

  /** Indicator time series, sorted by period: from accepted ESF reports and values the office recorded. */
  @Get('municipalities/:ags/indicators')
  @Roles('grants-office', 'evaluator', 'auditor', 'municipality')
  indicators(
    @CurrentPrincipal() principal: Principal,
    @Param('ags', AgsPipe) ags: string,
    @QueryParam() filter: IndicatorFilter,
  ): Promise<MunicipalityIndicators> {
    return this.queryBus.execute(new MunicipalityIndicatorsQuery(principal, ags, filter.indicator));
  }
}
