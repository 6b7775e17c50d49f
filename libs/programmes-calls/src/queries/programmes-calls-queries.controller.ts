import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, IsRecordId, ListQuery, listPage, type Page } from '@app/shared';
import type { CallView, ProgrammeRulesView, ProgrammeView } from './programmes-calls.projection';
import {
  type CallDetailView,
  GetCallQuery,
  GetProgrammeQuery,
  GetProgrammeRulesQuery,
  ListCallsQuery,
  ListProgrammesQuery,
} from './programmes-calls.queries';

export class ProgrammesQuery extends ListQuery('from', 'to') {}

export class RulesQuery extends ListQuery('from', 'to') {}

export class ListCallsFilter extends ListQuery('status', 'from', 'to') {
  @ApiPropertyOptional() @IsOptional() @IsRecordId() programmeId?: string;
}

@ApiTags('programmes and calls')
@ApiBearerAuth()
@Controller()
export class ProgrammesCallsQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Every programme; `from`/`to` by the day it was created. */
  @Get('programmes')
  @Roles('grants-office', 'auditor', 'municipality')
  async listProgrammes(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() query: ProgrammesQuery,
  ): Promise<Page<ProgrammeView>> {
    const programmes: ProgrammeView[] = await this.queryBus.execute(new ListProgrammesQuery(principal));
    return listPage(programmes, query, {
      text: (p) => [p.programmeId, p.title, p.description],
      date: (p) => p.createdAt,
    });
  }

  /** One programme with its calls. */
  @Get('programmes/:programmeId')
  @Roles('grants-office', 'auditor', 'municipality')
  getProgramme(
    @CurrentPrincipal() principal: Principal,
    @Param('programmeId', IdPipe) programmeId: string,
  ): Promise<ProgrammeView> {
    return this.queryBus.execute(new GetProgrammeQuery(principal, programmeId));
  }

  /** Every version of the programme's rules with its effective date, oldest first; `from`/`to` by that date. */
  @Get('programmes/:programmeId/rules')
  @Roles('grants-office', 'auditor', 'municipality')
  async getProgrammeRules(
    @Param('programmeId', IdPipe) programmeId: string,
    @QueryParam() query: RulesQuery,
  ): Promise<Page<ProgrammeRulesView>> {
    const versions: ProgrammeRulesView[] = await this.queryBus.execute(
      new GetProgrammeRulesQuery(programmeId),
    );
    return listPage(versions, query, {
      text: (v) => [v.version, v.label, v.effectiveFrom],
      date: (v) => v.effectiveFrom,
    });
  }

  /** Published calls for municipalities; drafts too for the grants office and auditors. `from`/`to` by closing date. */
  @Get('calls')
  @Roles('grants-office', 'auditor', 'municipality')
  async listCalls(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: ListCallsFilter,
  ): Promise<Page<CallView>> {
    const calls: CallView[] = await this.queryBus.execute(new ListCallsQuery(principal, filter.programmeId));
    return listPage(calls, filter, {
      text: (c) => [c.callId, c.programmeId, c.title, c.description, c.status],
      status: (c) => c.status,
      date: (c) => c.closingDate,
    });
  }

  /**
   * One call with its terms and status, and the version of the programme's terms a submission
   * is decided under (`termsInForce`); a municipality sees published calls only.
   */
  @Get('calls/:callId')
  @Roles('grants-office', 'auditor', 'municipality')
  getCall(
    @CurrentPrincipal() principal: Principal,
    @Param('callId', IdPipe) callId: string,
  ): Promise<CallDetailView> {
    return this.queryBus.execute(new GetCallQuery(principal, callId));
  }
}
