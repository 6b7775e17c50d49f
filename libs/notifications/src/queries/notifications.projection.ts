import type { Projection, RecordedEvent } from '@app/eventsourcing';
import {
  type DeadlineContractEvent,
  type DeadlineFacts,
  evolveDeadlineFacts,
  isDeadlineEvent,
  isNotifying,
  NOTIFYING_EVENT_TYPES,
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
import {
  applyNames,
  emptyNames,
  type NameData,
  NameBook,
  NAMING_EVENT_TYPES,
  type NoticeNames,
} from '../messages/name-book';
import { recipientsOf } from '../recipients';

export interface InboxItem {
  notificationId: string;
  /** The municipality told, or null for the grants office. */
  ags: Recipient;
  /** The deadline event it tells of, shared by every recipient's item. */
  source: NoticeSource;
  read: boolean;
  readAt?: string;
}

/** Every field of a cause a notice may read, named so that a new one cannot be forgotten here. */
type CauseData = { [K in keyof Required<NoticeCause['data']>]: NoticeCause['data'][K] };

/**
 * A notifying deadline event as its notices are worded from when an inbox is read: the fields of
 * the cause a notice reads and the deadline's facts as they stood then (facts are never changed in
 * place, so the reference stays that snapshot). Wording every notice while folding cost a rebuild
 * most of its time and memory.
 */
export interface NoticeSource extends CauseData {
  eventId: string;
  type: NotifyingEventType;
  facts: DeadlineFacts | undefined;
}

/** The cause an inbox entry names. */
export function causeOf(item: InboxItem): { eventId: string; type: NotifyingEventType } {
  return { eventId: item.source.eventId, type: item.source.type };
}

/** The notice an inbox item shows: the same words the e-mail and the webhook carried. */
export function noticeOf(item: InboxItem, names?: NoticeNames): DeadlineNotice {
  const { source } = item;
  return composeNotice({ type: source.type, data: source }, source.facts, item.ags, names);
}

/**
 * Strings and lists equal to the deadline's are taken from its facts, and the type from the
 * constants, so that thousands of reminders share them instead of each keeping a copy.
 */
function noticeSource(
  event: RecordedEvent,
  cause: NoticeCause,
  facts: DeadlineFacts | undefined,
): NoticeSource {
  const d = cause.data;
  const source: NoticeSource = {
    eventId: event.metadata.eventId,
    type: NOTIFYING_EVENT_TYPES.find((t) => t === cause.type) ?? cause.type,
    facts,
    deadlineId: d.deadlineId,
    dueAt: d.dueAt,
    offsetDays: d.offsetDays,
    kind: d.kind,
    obligedAgs: d.obligedAgs,
    issuedAt: d.issuedAt,
    missedAt: d.missedAt,
    at: d.at,
    extendedAt: d.extendedAt,
    amendedAt: d.amendedAt,
    reason: d.reason,
    changed: d.changed,
    notify: d.notify,
  };
  if (!facts) return source;
  if (facts.deadlineId === d.deadlineId) source.deadlineId = facts.deadlineId;
  if (facts.dueAt === d.dueAt) source.dueAt = facts.dueAt;
  if (facts.kind === d.kind) source.kind = facts.kind;
  if (d.obligedAgs && sameList(d.obligedAgs, facts.obligedAgs)) source.obligedAgs = facts.obligedAgs;
  return source;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
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
  /** Names of programmes, calls, grants, reports and surveys (municipalities: the registry's). */
  names: NameData;
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
  let source: NoticeSource | undefined;
  for (const ags of recipientsOf(cause, after)) {
    // A flat copy: the id is joined from slices of a hash, and kept as such it would hold a tree
    // of string pieces six times its size for as long as the inbox lives.
    const notificationId = notificationIdFor(event.metadata.eventId, ags).toLowerCase();
    if (model.byId.has(notificationId)) continue;
    source ??= noticeSource(event, cause, after);
    const item: InboxItem = { notificationId, ags, source, read: false };
    model.byId.set(notificationId, item);
    const key = recipientKey(ags);
    const list = model.inbox.get(key);
    if (list) list.push(item);
    else model.inbox.set(key, [item]);
  }
}

/** The deadline contract's events, all of them (a new one in the union must be added here). */
const DEADLINE_TYPES = Object.keys({
  DeadlineOpened: true,
  DeadlineReminderIssued: true,
  DeadlineExtended: true,
  DeadlineMet: true,
  DeadlineMissed: true,
  DeadlineEscalated: true,
  DeadlineCancelled: true,
  DeadlineSubjectAmended: true,
} satisfies Record<DeadlineContractEvent['type'], true>);

/**
 * The inbox of every municipality and of the grants office, the deadlines each municipality
 * must meet (for its calendar feed) and the channel settings: one fold, because the inbox words
 * a reminder with the deadline it belongs to.
 */
export const notificationsProjection: Projection<NotificationsReadModel> = {
  name: 'notifications',
  eventTypes: [...DEADLINE_TYPES, 'NotificationRead', 'NotificationChannelsSet', ...NAMING_EVENT_TYPES],
  initialState: () => ({
    deadlines: new Map(),
    deadlinesByAgs: new Map(),
    inbox: new Map(),
    byId: new Map(),
    settings: new Map(),
    names: emptyNames(),
  }),
  apply(model, recorded: RecordedEvent) {
    if (NameBook.names(recorded.type)) {
      applyNames(model.names, recorded);
      return model;
    }
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
