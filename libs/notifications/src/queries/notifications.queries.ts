import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import { type Principal, seesEverything } from '@app/identity';
import { MunicipalityRegistry } from '@app/shared';
import type { DeadlineNotice } from '../messages/deadline-message';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../notifications-config';
import { recipientKey } from '../notifications';
import { NameBook } from '../messages/name-book';
import { SecretBox } from '../secret-box';
import { inboxOwner } from './inbox-owner';
import { causeOf, noticeOf, notificationsProjection } from './notifications.projection';

export interface InboxEntry extends DeadlineNotice {
  notificationId: string;
  cause: ReturnType<typeof causeOf>;
  read: boolean;
  readAt?: string;
}

export interface InboxView {
  /** The municipality's AGS, or 'grants-office'. */
  owner: string;
  unread: number;
  /** Newest first. */
  items: InboxEntry[];
}

export interface NotificationSettingsView {
  ags: string;
  email: string | null;
  webhookUrl: string | null;
  webhookSecretSet: boolean;
  /** Only to the municipality itself: the key its webhook receiver checks signatures with. */
  webhookSecret?: string;
  /** Only to the municipality itself: its secret iCalendar feed (absolute with PUBLIC_BASE_URL). */
  calendarUrl?: string | null;
  revision: number;
}

export class GetInboxQuery extends Query<InboxView> {
  constructor(
    readonly principal: Principal,
    readonly unreadOnly: boolean,
  ) {
    super();
  }
}

export class GetNotificationSettingsQuery extends Query<NotificationSettingsView> {
  constructor(
    readonly principal: Principal,
    readonly ags: string,
  ) {
    super();
  }
}

@QueryHandler(GetInboxQuery)
export class GetInboxHandler implements IQueryHandler<GetInboxQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
  ) {}
  async execute({ principal, unreadOnly }: GetInboxQuery): Promise<InboxView> {
    const owner = inboxOwner(principal);
    const model = this.projections.state(notificationsProjection);
    const names = new NameBook((ags) => this.registry.find(ags)?.name, model.names);
    const all = owner === undefined ? [] : (model.inbox.get(recipientKey(owner)) ?? []);
    const items = all
      .filter((item) => !unreadOnly || !item.read)
      .reverse()
      .map((item) => ({
        notificationId: item.notificationId,
        ...noticeOf(item, names),
        cause: causeOf(item),
        read: item.read,
        ...(item.readAt ? { readAt: item.readAt } : {}),
      }));
    return {
      owner: owner === undefined ? '' : recipientKey(owner),
      unread: all.filter((item) => !item.read).length,
      items,
    };
  }
}

@QueryHandler(GetNotificationSettingsQuery)
export class GetNotificationSettingsHandler implements IQueryHandler<GetNotificationSettingsQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
    private readonly secrets: SecretBox,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async execute({ principal, ags }: GetNotificationSettingsQuery): Promise<NotificationSettingsView> {
    const own = principal.roles.includes('municipality') && principal.ags === ags;
    const settings = this.projections.state(notificationsProjection).settings.get(ags);
    if (!own && !(seesEverything(principal) && (settings || this.registry.find(ags))))
      throw new NotFound('Notification settings for municipality', ags);
    const view: NotificationSettingsView = {
      ags,
      email: settings?.email ?? null,
      webhookUrl: settings?.webhookUrl ?? null,
      webhookSecretSet: Boolean(settings?.webhookSecretSealed),
      revision: settings?.revision ?? -1,
    };
    if (!own) return view;
    const token = this.secrets.open(settings?.calendarTokenSealed);
    const webhookSecret = this.secrets.open(settings?.webhookSecretSealed);
    return {
      ...view,
      ...(webhookSecret ? { webhookSecret } : {}),
      calendarUrl: token ? `${this.config.publicBaseUrl ?? ''}/calendar/${ags}/${token}.ics` : null,
    };
  }
}
