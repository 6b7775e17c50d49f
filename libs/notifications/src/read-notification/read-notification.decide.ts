import { type Decider, NotFound } from '@app/eventsourcing';
import type { NotificationEvent, NotificationRead, Recipient } from '../notifications';

export interface ReadNotification {
  notificationId: string;
  /** Whose inbox the caller reads: its AGS, null for the grants office, undefined for no inbox. */
  reader: Recipient | undefined;
  /** The notification as the inbox knows it; undefined when there is none of that id. */
  notification?: { ags: Recipient };
  readAt: string;
}

export interface NotificationState {
  read: boolean;
}

/** Marks a notification of one's own inbox as read; reading it again records nothing. */
export function readNotification(command: ReadNotification, state: NotificationState): NotificationRead[] {
  const { notification, reader, notificationId } = command;
  if (!notification || reader === undefined || notification.ags !== reader)
    throw new NotFound('Notification', notificationId);
  if (state.read) return [];
  return [{ type: 'NotificationRead', data: { notificationId, ags: reader, readAt: command.readAt } }];
}

export const readNotificationDecider: Decider<ReadNotification, NotificationEvent, NotificationState> = {
  decide: readNotification,
  evolve: (state, event) => (event.type === 'NotificationRead' ? { read: true } : state),
  initialState: () => ({ read: false }),
};
