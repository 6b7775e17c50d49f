import type { Projection, RecordedEvent } from '@app/eventsourcing';
import {
  type DeadlineContractEvent,
  type DeadlineFacts,
  evolveDeadlineFacts,
  isDeadlineEvent,
  isNotifying,
  type NotifyingEventType,
} from '../deadline-facts';
import { composeNotice, type DeadlineNotice, type NoticeCause } from '../messages/deadline-message';
import {
  type NotificationEvent,
  type NotificationSettingsEvent,
  notificationIdFor,
  type NotificationSettingsState,
  type Recipient,
  recipientKey,
} from '../notifications';
import { recipientsOf } from '../recipients';

export interface InboxItem {
  notificationId: string;
  /** The municipality told, or null for the grants office. */
  ags: Recipient;
  cause: { eventId: string; type: NotifyingEventType };
  notice: DeadlineNotice;
  read: boolean;
  readAt?: string;
}

export interface SettingsView extends NotificationSettingsState {
  ags: string;
  revision: number;
}

export interface NotificationsReadModel {
  deadlines: Map<string, DeadlineFacts>;
  /** AGS → ids of the deadlines it is obliged to meet. */
  deadlinesByAgs: Map<string, Set<string>>;
  /** Recipient key (AGS or 'grants-office') → its notifications, oldest first. */
  inbox: Map<string, InboxItem[]>;
  byId: Map<string, InboxItem>;
  settings: Map<string, SettingsView>;
}

function applyDeadlineEvent(
  model: NotificationsReadModel,
  event: RecordedEvent<DeadlineContractEvent>,
): void {
  const id = event.data.deadlineId;
  const before = model.deadlines.get(id);
  const after = evolveDeadlineFacts(before, event, event.metadata.occurredAt);
  if (after) model.deadlines.set(id, after);
  if (event.type === 'DeadlineOpened' && after) {
    for (const ags of after.obligedAgs) {
      const ids = model.deadlinesByAgs.get(ags) ?? new Set<string>();
      ids.add(id);
      model.deadlinesByAgs.set(ags, ids);
    }
  }
  if (!isNotifying(event.type)) return;
  const cause = event as unknown as NoticeCause;
  for (const ags of recipientsOf(cause, after)) {
    const notificationId = notificationIdFor(event.metadata.eventId, ags);
    if (model.byId.has(notificationId)) continue;
    const item: InboxItem = {
      notificationId,
      ags,
      cause: { eventId: event.metadata.eventId, type: cause.type },
      notice: composeNotice(cause, after),
      read: false,
    };
    model.byId.set(notificationId, item);
    const key = recipientKey(ags);
    const list = model.inbox.get(key);
    if (list) list.push(item);
    else model.inbox.set(key, [item]);
  }
}

/**
 * The inbox of every municipality and of the grants office, the deadlines each municipality
 * must meet (for its calendar feed) and the channel settings: one fold, because the inbox words
 * a reminder with the deadline it belongs to.
 */
export const notificationsProjection: Projection<NotificationsReadModel> = {
  name: 'notifications',
  initialState: () => ({
    deadlines: new Map(),
    deadlinesByAgs: new Map(),
    inbox: new Map(),
    byId: new Map(),
    settings: new Map(),
  }),
  apply(model, recorded: RecordedEvent) {
    if (isDeadlineEvent(recorded)) {
      applyDeadlineEvent(model, recorded as RecordedEvent<DeadlineContractEvent>);
      return model;
    }
    const event = recorded as RecordedEvent<NotificationEvent | NotificationSettingsEvent>;
    switch (event.type) {
      case 'NotificationRead': {
        const item = model.byId.get(event.data.notificationId);
        if (item && !item.read) Object.assign(item, { read: true, readAt: event.data.readAt });
        break;
      }
      case 'NotificationChannelsSet':
        model.settings.set(event.data.ags, { ...event.data, revision: event.revision });
        break;
    }
    return model;
  },
};
