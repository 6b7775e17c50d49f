import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, IsRecordId } from '@app/shared';
import type { CallView, ProgrammeRulesView, ProgrammeView } from './programmes-calls.projection';
import {
  GetCallQuery,
  GetProgrammeQuery,
  GetProgrammeRulesQuery,
  ListCallsQuery,
  ListProgrammesQuery,
} from './programmes-calls.queries';

export class ListCallsFilter {
  @ApiPropertyOptional() @IsOptional() @IsRecordId() programmeId?: string;
}

@ApiTags('programmes and calls')
@ApiBearerAuth()
@Controller()
export class ProgrammesCallsQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('programmes')
  @Roles('grants-office', 'auditor', 'municipality')
  listProgrammes(@CurrentPrincipal() principal: Principal): Promise<ProgrammeView[]> {
    return this.queryBus.execute(new ListProgrammesQuery(principal));
  }

  @Get('programmes/:programmeId')
  @Roles('grants-office', 'auditor', 'municipality')
  getProgramme(
    @CurrentPrincipal() principal: Principal,
    @Param('programmeId', IdPipe) programmeId: string,
  ): Promise<ProgrammeView> {
    return this.queryBus.execute(new GetProgrammeQuery(principal, programmeId));
  }

  /** Every version of the programme's rules with its effective date, oldest first. */
  @Get('programmes/:programmeId/rules')
  @Roles('grants-office', 'auditor', 'municipality')
  getProgrammeRules(@Param('programmeId', IdPipe) programmeId: string): Promise<ProgrammeRulesView[]> {
    return this.queryBus.execute(new GetProgrammeRulesQuery(programmeId));
  }

  /** Published calls for municipalities; drafts too for the grants office and auditors. */
  @Get('calls')
  @Roles('grants-office', 'auditor', 'municipality')
  listCalls(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: ListCallsFilter,
  ): Promise<CallView[]> {
    return this.queryBus.execute(new ListCallsQuery(principal, filter.programmeId));
  }

  @Get('calls/:callId')
  @Roles('grants-office', 'auditor', 'municipality')
  getCall(
    @CurrentPrincipal() principal: Principal,
    @Param('callId', IdPipe) callId: string,
  ): Promise<CallView> {
    return this.queryBus.execute(new GetCallQuery(principal, callId));
  }
}
