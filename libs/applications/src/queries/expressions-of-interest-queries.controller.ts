import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, IsRecordId, ListQuery, listPage, type ListSpec, type Page } from '@app/shared';
import type { ExpressionOfInterestView } from './expressions-of-interest.projection';
import {
  GetExpressionOfInterestQuery,
  ListCallSubmissionsQuery,
  ListExpressionsOfInterestQuery,
  type StatusFilter,
} from './expressions-of-interest.queries';

export class SubmissionsFilter extends ListQuery('ags', 'from', 'to') {
  @ApiPropertyOptional({ enum: ['submitted', 'draft', 'all'], default: 'submitted' })
  @IsOptional()
  @IsIn(['submitted', 'draft', 'all'])
  status?: StatusFilter;
}

export class ExpressionsOfInterestFilter extends ListQuery('status', 'ags', 'from', 'to') {
  @ApiPropertyOptional() @IsOptional() @IsRecordId() callId?: string;
}

/** Searched by ids, names and motto; `ags` matches the lead and the members; dated by submission (else drafting). */
const EXPRESSIONS_OF_INTEREST: ListSpec<ExpressionOfInterestView> = {
  text: (e) => [
    e.applicationId,
    e.callId,
    e.programmeId,
    e.status,
    e.content.motto,
    e.applicant.name,
    ...e.members.map((m) => m.name),
  ],
  status: (e) => e.status,
  ags: (e) => [e.applicant.ags, ...e.members.map((m) => m.ags)],
  date: (e) => e.submittedAt ?? e.draftedAt,
};

@ApiTags('expressions of interest')
@ApiBearerAuth()
@Controller()
export class ExpressionsOfInterestQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The grants office (and auditors) list a call's submissions. */
  @Get('calls/:callId/expressions-of-interest')
  @Roles('grants-office', 'auditor')
  async listForCall(
    @Param('callId', IdPipe) callId: string,
    @QueryParam() filter: SubmissionsFilter,
  ): Promise<Page<ExpressionOfInterestView>> {
    const { status, ...query } = filter;
    const submissions: ExpressionOfInterestView[] = await this.queryBus.execute(
      new ListCallSubmissionsQuery(callId, status ?? 'submitted'),
    );
    return listPage(submissions, query, EXPRESSIONS_OF_INTEREST);
  }

  /** A municipality sees its own (as lead or member); the office and auditors see all. */
  @Get('expressions-of-interest')
  @Roles('grants-office', 'auditor', 'municipality')
  async list(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: ExpressionsOfInterestFilter,
  ): Promise<Page<ExpressionOfInterestView>> {
    const applications: ExpressionOfInterestView[] = await this.queryBus.execute(
      new ListExpressionsOfInterestQuery(principal, filter.callId),
    );
    return listPage(applications, filter, EXPRESSIONS_OF_INTEREST);
  }

  /** One expression of interest; a municipality sees those it leads or is a member of. */
  @Get('expressions-of-interest/:applicationId')
  @Roles('grants-office', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
  ): Promise<ExpressionOfInterestView> {
    return this.queryBus.execute(new GetExpressionOfInterestQuery(principal, applicationId));
  }
}
