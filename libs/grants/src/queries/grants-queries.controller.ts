import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { AGS_PATTERN, IdPipe, IsRecordId, ListQuery, listPage, type Page } from '@app/shared';
import type { DisbursementView, GrantView } from './grants.projection';
import { GetGrantQuery, ListDisbursementsQuery, ListGrantsQuery } from './grants.queries';

export class GrantsFilterDto extends ListQuery('status', 'from', 'to') {
  @ApiPropertyOptional() @IsOptional() @IsRecordId() programmeId?: string;
  @ApiPropertyOptional({ enum: [1, 2] }) @IsOptional() @Type(() => Number) @IsIn([1, 2]) phase?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(AGS_PATTERN, { message: 'ags must be an 8-digit AGS' })
  ags?: string;
}

export class DisbursementsQuery extends ListQuery('status', 'from', 'to') {}

/** Finance is not the evaluators' business: only the office, auditors and the grantee read grants. */
@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants')
export class GrantsQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Grants; a municipality sees its own. `from`/`to` by the day the notice was issued. */
  @Get()
  @Roles('grants-office', 'auditor', 'municipality')
  async list(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: GrantsFilterDto,
  ): Promise<Page<GrantView>> {
    const { programmeId, phase, ags } = filter;
    const grants: GrantView[] = await this.queryBus.execute(
      new ListGrantsQuery(principal, { programmeId, phase, ags }),
    );
    return listPage(grants, filter, {
      text: (g) => [g.grantId, g.programmeId, g.ags, g.applicationId, g.callId, g.status],
      status: (g) => g.status,
      date: (g) => g.issuedAt,
    });
  }

  /** One grant: its notice, financing, payments, revocations and proof of use. */
  @Get(':grantId')
  @Roles('grants-office', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('grantId', IdPipe) grantId: string,
  ): Promise<GrantView> {
    return this.queryBus.execute(new GetGrantQuery(principal, grantId));
  }

  /** A grant's disbursements; `from`/`to` by due date. */
  @Get(':grantId/disbursements')
  @Roles('grants-office', 'auditor', 'municipality')
  async disbursements(
    @CurrentPrincipal() principal: Principal,
    @Param('grantId', IdPipe) grantId: string,
    @QueryParam() query: DisbursementsQuery,
  ): Promise<Page<DisbursementView>> {
    const disbursements: DisbursementView[] = await this.queryBus.execute(
      new ListDisbursementsQuery(principal, grantId),
    );
    return listPage(disbursements, query, {
      text: (d) => [d.disbursementId, d.grantId, d.status],
      status: (d) => d.status,
      date: (d) => d.dueDate,
    });
  }
}
