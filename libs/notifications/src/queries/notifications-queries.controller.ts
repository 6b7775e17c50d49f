import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, ListQuery, listPage, type Page } from '@app/shared';
import {
  GetInboxQuery,
  GetNotificationSettingsQuery,
  type InboxEntry,
  type InboxView,
  type NotificationSettingsView,
} from './notifications.queries';

export class InboxFilter extends ListQuery('from', 'to') {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

/** One page of an inbox, with whose it is and how many notices are unread in all. */
export type InboxPage = Page<InboxEntry> & Pick<InboxView, 'owner' | 'unread'>;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A municipality's own inbox; the grants office's inbox holds escalations. Newest first. */
  @Get('inbox')
  @Roles('municipality', 'grants-office')
  async inbox(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: InboxFilter,
  ): Promise<InboxPage> {
    const inbox: InboxView = await this.queryBus.execute(
      new GetInboxQuery(principal, filter.unread === 'true'),
    );
    const page = listPage(inbox.items, filter, {
      text: (n) => [n.headline, n.text, n.type, n.deadline.title, n.deadline.deadlineId, n.deadline.kind],
      date: (n) => n.at,
    });
    return { owner: inbox.owner, unread: inbox.unread, ...page };
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
