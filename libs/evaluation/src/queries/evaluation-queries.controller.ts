import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe } from '@app/shared';
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

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class EvaluationQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('evaluations')
  @Roles('grants-office', 'evaluator', 'auditor')
  list(): Promise<EvaluationView[]> {
    return this.queryBus.execute(new ListEvaluationsQuery());
  }

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
