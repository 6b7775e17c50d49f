import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, IsRecordId } from '@app/shared';
import type { ExpressionOfInterestView } from './expressions-of-interest.projection';
import {
  GetExpressionOfInterestQuery,
  ListCallSubmissionsQuery,
  ListExpressionsOfInterestQuery,
  type StatusFilter,
} from './expressions-of-interest.queries';

export class SubmissionsFilter {
  @ApiPropertyOptional({ enum: ['submitted', 'draft', 'all'], default: 'submitted' })
  @IsOptional()
  @IsIn(['submitted', 'draft', 'all'])
  status?: StatusFilter;
}

export class ExpressionsOfInterestFilter {
  @ApiPropertyOptional() @IsOptional() @IsRecordId() callId?: string;
}

@ApiTags('expressions of interest')
@ApiBearerAuth()
@Controller()
export class ExpressionsOfInterestQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The grants office (and auditors) list a call's submissions. */
  @Get('calls/:callId/expressions-of-interest')
  @Roles('grants-office', 'auditor')
  listForCall(
    @Param('callId', IdPipe) callId: string,
    @QueryParam() filter: SubmissionsFilter,
  ): Promise<ExpressionOfInterestView[]> {
    return this.queryBus.execute(new ListCallSubmissionsQuery(callId, filter.status ?? 'submitted'));
  }

  /** A municipality sees its own (as lead or member); the office and auditors see all. */
  @Get('expressions-of-interest')
  @Roles('grants-office', 'auditor', 'municipality')
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: ExpressionsOfInterestFilter,
  ): Promise<ExpressionOfInterestView[]> {
    return this.queryBus.execute(new ListExpressionsOfInterestQuery(principal, filter.callId));
  }

  @Get('expressions-of-interest/:applicationId')
  @Roles('grants-office', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
  ): Promise<ExpressionOfInterestView> {
    return this.queryBus.execute(new GetExpressionOfInterestQuery(principal, applicationId));
  }
}
