import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, ListQuery, listPage, type Page } from '@app/shared';
import type { CouncilResolutionView } from './council-resolutions.projection';
import {
  GetCouncilResolutionQuery,
  ListApplicationCouncilResolutionsQuery,
} from './council-resolutions.queries';

export class CouncilResolutionsQuery extends ListQuery('ags', 'from', 'to') {}

@ApiTags('council resolutions')
@ApiBearerAuth()
@Controller()
export class CouncilResolutionsQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** One resolution as it stands, with its corrections' reasons. */
  @Get('council-resolutions/:resolutionId')
  @Roles('grants-office', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('resolutionId', IdPipe) resolutionId: string,
  ): Promise<CouncilResolutionView> {
    return this.queryBus.execute(new GetCouncilResolutionQuery(principal, resolutionId));
  }

  /** The resolutions of every municipality of an expression of interest (lead and members). */
  @Get('expressions-of-interest/:applicationId/council-resolutions')
  @Roles('grants-office', 'auditor', 'municipality')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
    @QueryParam() query: CouncilResolutionsQuery,
  ): Promise<Page<CouncilResolutionView>> {
    const resolutions: CouncilResolutionView[] = await this.queryBus.execute(
      new ListApplicationCouncilResolutionsQuery(principal, applicationId),
    );
    return listPage(resolutions, query, {
      text: (r) => [r.resolutionId, r.ags, r.paper.reference, r.paper.title, r.proposal, r.result],
      ags: (r) => r.ags,
      date: (r) => r.resultDate,
    });
  }
}
