import { deterministicUuid, type DomainEvent, streamName } from '@app/eventsourcing';

export type Channel = 'inbox' | 'email' | 'webhook';
export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** Who is told: a municipality by its AGS, or the grants office (`ags: null`). */
export type Recipient = string | null;
export const GRANTS_OFFICE = 'grants-office';

export function recipientKey(ags: Recipient): string {
  return ags ?? GRANTS_OFFICE;
}

/** One notification per cause event and recipient: a replay derives the very same id. */
export function notificationIdFor(causeEventId: string, ags: Recipient): string {
  return deterministicUuid(`notification:${causeEventId}:${recipientKey(ags)}`);
}

export function notificationStream(notificationId: string): string {
  return streamName('notification', notificationId);
}

export function settingsStream(ags: string): string {
  return streamName('notification-settings', ags);
}

/** BullMQ forbids ':' in custom ids; the id names the notification and the channel, nothing else. */
export function deliveryJobId(notificationId: string, channel: DeliveryChannel): string {
  return `notify.${notificationId}.${channel}`;
}

interface DeliveryFacts {
  notificationId: string;
  ags: Recipient;
  channel: Channel;
  /** Event id of the deadline event that is being told. */
  cause: string;
  attempt: number;
}

export type NotificationQueued = DomainEvent<'NotificationQueued', DeliveryFacts & { jobId: string }>;
export type NotificationDelivered = DomainEvent<'NotificationDelivered', DeliveryFacts>;
export type NotificationDeliveryFailed = DomainEvent<
  'NotificationDeliveryFailed',
  DeliveryFacts & { error: string; willRetry: boolean }
>;
/**
 * Recorded just before a message goes out. If no outcome of the same attempt follows, the worker
 * stopped between sending and recording: the next step of the delivery records
 * NotificationOutcomeUnknown for it before doing anything else.
 */
export type NotificationAttempted = DomainEvent<'NotificationAttempted', DeliveryFacts>;
/**
 * Attempt `attempt` was made and its outcome was never recorded (the worker was killed, crashed
 * or lost its job between sending and recording): the message may have reached the receiver.
 * What follows says what was done about it: another attempt (the receiver drops the duplicate by
 * its stable id), or a skip or a final failure, which then do not mean that nothing went out.
 */
export type NotificationOutcomeUnknown = DomainEvent<'NotificationOutcomeUnknown', DeliveryFacts>;
/** Why a queued message was not sent: the deadline changed after the cause, so its words are stale. */
export type SupersededBy = 'deadline-met' | 'deadline-cancelled' | 'deadline-moved';
export type NotificationSkipped = DomainEvent<
  'NotificationSkipped',
  DeliveryFacts & { reason: SupersededBy }
>;
export type NotificationRead = DomainEvent<
  'NotificationRead',
  { notificationId: string; ags: Recipient; readAt: string }
>;

export type NotificationEvent =
  | NotificationQueued
  | NotificationAttempted
  | NotificationOutcomeUnknown
  | NotificationDelivered
  | NotificationDeliveryFailed
  | NotificationSkipped
  | NotificationRead;

/**
 * Secrets never appear in clear in an event: `webhookSecret` and `calendarToken` are sealed
 * (AES-256-GCM under NOTIFICATIONS_SECRET_KEY), because auditors read every event.
 */
export type NotificationChannelsSet = DomainEvent<
  'NotificationChannelsSet',
  {
    ags: string;
    email?: string;
    webhookUrl?: string;
    webhookSecretSealed?: string;
    calendarTokenSealed: string;
  }
>;

export type NotificationSettingsEvent = NotificationChannelsSet;

export interface NotificationSettingsState {
  ags?: string;
  email?: string;
  webhookUrl?: string;
  webhookSecretSealed?: string;
  calendarTokenSealed?: string;
}

export function initialSettingsState(): NotificationSettingsState {
  return {};
}

export function evolveSettings(
  _state: NotificationSettingsState,
  event: NotificationSettingsEvent,
): NotificationSettingsState {
  switch (event.type) {
    case 'NotificationChannelsSet':
      return { ...event.data };
  }
}
