import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { CalendarController, GetDeadlineCalendarHandler } from './calendar/calendar.controller';
import { grantsOfficeProvider } from '@app/grants';
import { GetReminderLetterHandler, ReminderLetterController } from './letters/reminder-letter.controller';
import { notificationsProviders } from './notifications-providers';
import { notificationsProjection } from './queries/notifications.projection';
import { NotificationsQueriesController } from './queries/notifications-queries.controller';
import { GetInboxHandler, GetNotificationSettingsHandler } from './queries/notifications.queries';
import { ReadNotificationController } from './read-notification/read-notification.controller';
import { ReadNotificationHandler } from './read-notification/read-notification.handler';
import { SetNotificationChannelsController } from './set-notification-channels/set-notification-channels.controller';
import { SetNotificationChannelsHandler } from './set-notification-channels/set-notification-channels.handler';

/** The API side: channel settings, the inbox and the calendar feed. Delivery runs in the worker. */
@Module({
  imports: [CqrsModule],
  controllers: [
    SetNotificationChannelsController,
    ReadNotificationController,
    NotificationsQueriesController,
    CalendarController,
    ReminderLetterController,
  ],
  providers: [
    ...notificationsProviders('api', process.env),
    SetNotificationChannelsHandler,
    ReadNotificationHandler,
    GetInboxHandler,
    GetNotificationSettingsHandler,
    GetDeadlineCalendarHandler,
    GetReminderLetterHandler,
    grantsOfficeProvider,
  ],
})
export class NotificationsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRunner) {}
  onModuleInit(): void {
    this.projections.register(notificationsProjection);
  }
}
