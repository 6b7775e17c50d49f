import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe } from '@app/shared';
import type { CrossSection } from './cross-section';
import {
  type ApplicantSelectionView,
  type CallRanking,
  type CallSelectionView,
  GetCallRankingQuery,
  GetCrossSectionQuery,
  GetSelectionQuery,
  ListCallSelectionQuery,
  type SelectionView,
} from './selection.queries';

@ApiTags('selection')
@ApiBearerAuth()
@Controller()
export class SelectionQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * The office and auditors see the whole record; the applicant municipality (lead or member)
   * sees only the decision and its reasons; any other municipality learns nothing of it.
   */
  @Get('expressions-of-interest/:applicationId/selection')
  @Roles('grants-office', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
  ): Promise<SelectionView | ApplicantSelectionView> {
    return this.queryBus.execute(new GetSelectionQuery(principal, applicationId));
  }

  /** The selection of a call: candidates, selected and the amount selected, with each submission's state. */
  @Get('calls/:callId/selection')
  @Roles('grants-office', 'auditor')
  list(@Param('callId', IdPipe) callId: string): Promise<CallSelectionView> {
    return this.queryBus.execute(new ListCallSelectionQuery(callId));
  }

  /** The call's submissions ranked by mean weighted score, with its participant cap and budget. */
  @Get('calls/:callId/ranking')
  @Roles('grants-office', 'evaluator', 'auditor')
  ranking(@Param('callId', IdPipe) callId: string): Promise<CallRanking> {
    return this.queryBus.execute(new GetCallRankingQuery(callId));
  }

  /** Candidates and selected by the dimensions the call names (type, own Jugendamt, Regierungsbezirk, size band). */
  @Get('calls/:callId/selection/cross-section')
  @Roles('grants-office', 'auditor')
  crossSection(@Param('callId', IdPipe) callId: string): Promise<CrossSection> {
    return this.queryBus.execute(new GetCrossSectionQuery(callId));
  }
}
