import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe } from '@app/shared';
import {
  GetInboxQuery,
  GetNotificationSettingsQuery,
  type InboxView,
  type NotificationSettingsView,
} from './notifications.queries';

export class InboxFilter {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A municipality's own inbox; the grants office's inbox holds escalations. Newest first. */
  @Get('inbox')
  @Roles('municipality', 'grants-office')
  inbox(@CurrentPrincipal() principal: Principal, @QueryParam() filter: InboxFilter): Promise<InboxView> {
    return this.queryBus.execute(new GetInboxQuery(principal, filter.unread === 'true'));
  }

  /** The municipality itself (with its secrets), the grants office and auditors (without). */
  @Get('municipalities/:ags/notification-settings')
  @Roles('municipality', 'grants-office', 'auditor')
  settings(
    @CurrentPrincipal() principal: Principal,
    @Param('ags', IdPipe) ags: string,
  ): Promise<NotificationSettingsView> {
    return this.queryBus.execute(new GetNotificationSettingsQuery(principal, ags));
  }
}
