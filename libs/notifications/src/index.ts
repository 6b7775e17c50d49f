export * from './notifications';
export * from './notifications.module';
export * from './notifications-worker.module';
export { loadNotificationsConfig, type NotificationsConfig } from './notifications-config';
export { notificationsProjection } from './queries/notifications.projection';
export type { InboxItem, NotificationsReadModel } from './queries/notifications.projection';
export type { InboxView, NotificationSettingsView } from './queries/notifications.queries';
export { webhookSignature } from './dispatch/webhook-sender';
export { maskCalendarToken, requestWithoutCalendarToken } from './calendar/calendar-log';
