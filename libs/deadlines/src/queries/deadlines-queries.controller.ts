import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { AGS_PATTERN, IdPipe, IsPlausibleDate, ListQuery, listPage, type Page } from '@app/shared';
import { DEADLINE_KINDS, type DeadlineKind, type DeadlineStatus } from '../deadline';
import type { DeadlineSettings } from '../deadline-settings';
import type { DeadlineView } from './deadlines.projection';
import {
  type DeadlineWithHistory,
  GetDeadlineQuery,
  GetDeadlineSettingsQuery,
  ListDeadlinesQuery,
} from './deadlines.queries';

export class DeadlinesFilterDto extends ListQuery('from', 'to') {
  @ApiPropertyOptional({ description: 'Deadlines open at some moment of this Berlin day (YYYY-MM-DD)' })
  @IsOptional()
  @IsPlausibleDate()
  openOn?: string;

  @ApiPropertyOptional({ description: 'Only deadlines this municipality (8-digit AGS) is obliged by' })
  @IsOptional()
  @Matches(AGS_PATTERN, { message: 'ags must be an 8-digit AGS' })
  ags?: string;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional()
  @IsIn(DEADLINE_KINDS)
  kind?: DeadlineKind;

  @ApiPropertyOptional({ enum: ['open', 'met', 'missed', 'cancelled'] })
  @IsOptional()
  @IsIn(['open', 'met', 'missed', 'cancelled'])
  status?: DeadlineStatus;
}

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller()
export class DeadlinesQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * Which deadlines were open on a day, and whose; a municipality sees only its own obligations.
   * `from`/`to` by due date; `openOn` for the deadlines open at some moment of a day.
   */
  @Get('deadlines')
  @Roles('grants-office', 'auditor', 'municipality')
  async list(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: DeadlinesFilterDto,
  ): Promise<Page<DeadlineView>> {
    const { openOn, ags, kind, status } = filter;
    const deadlines: DeadlineView[] = await this.queryBus.execute(
      new ListDeadlinesQuery(principal, { openOn, ags, kind, status }),
    );
    return listPage(deadlines, filter, {
      text: (d) => [
        d.deadlineId,
        d.kind,
        d.status,
        d.programmeId,
        ...Object.values(d.subject),
        ...d.obligedAgs,
      ],
      status: (d) => d.status,
      ags: (d) => d.obligedAgs,
      date: (d) => d.dueDate,
    });
  }

  /** One deadline with its complete history: opened, reminders (who, when), extensions, the end. */
  @Get('deadlines/:deadlineId')
  @Roles('grants-office', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('deadlineId', IdPipe) deadlineId: string,
  ): Promise<DeadlineWithHistory> {
    return this.queryBus.execute(new GetDeadlineQuery(principal, deadlineId));
  }

  /** The programme's reminder ladder and fixed dates (defaults until the office sets them). */
  @Get('programmes/:programmeId/deadline-settings')
  @Roles('grants-office', 'auditor')
  settings(@Param('programmeId', IdPipe) programmeId: string): Promise<DeadlineSettings> {
    return this.queryBus.execute(new GetDeadlineSettingsQuery(programmeId));
  }
}
