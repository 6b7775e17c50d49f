import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { AGS_PATTERN, IdPipe, IsRecordId } from '@app/shared';
import type { DisbursementView, GrantView } from './grants.projection';
import { GetGrantQuery, ListDisbursementsQuery, ListGrantsQuery } from './grants.queries';

export class GrantsFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsRecordId() programmeId?: string;
  @ApiPropertyOptional({ enum: [1, 2] }) @IsOptional() @Type(() => Number) @IsIn([1, 2]) phase?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(AGS_PATTERN, { message: 'ags must be an 8-digit AGS' })
  ags?: string;
}

/** Finance is not the evaluators' business: only the office, auditors and the grantee read grants. */
@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants')
export class GrantsQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('grants-office', 'auditor', 'municipality')
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: GrantsFilterDto,
  ): Promise<GrantView[]> {
    return this.queryBus.execute(new ListGrantsQuery(principal, filter));
  }

  @Get(':grantId')
  @Roles('grants-office', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('grantId', IdPipe) grantId: string,
  ): Promise<GrantView> {
    return this.queryBus.execute(new GetGrantQuery(principal, grantId));
  }

  @Get(':grantId/disbursements')
  @Roles('grants-office', 'auditor', 'municipality')
  disbursements(
    @CurrentPrincipal() principal: Principal,
    @Param('grantId', IdPipe) grantId: string,
  ): Promise<DisbursementView[]> {
    return this.queryBus.execute(new ListDisbursementsQuery(principal, grantId));
  }
}
