import { deterministicUuid, type RecordedEvent } from '@app/eventsourcing';
import {
  type DeadlineContractEvent,
  type DeadlineFacts,
  evolveDeadlineFacts,
  type NotifyingEventType,
} from '../deadline-facts';
import { composeNotice, type DeadlineNotice, type NoticeCause } from '../messages/deadline-message';
import type { NoticeNames } from '../messages/name-book';
import {
  type DeliveryChannel,
  deliveryJobId,
  type NotificationDelivered,
  notificationIdFor,
  type NotificationQueued,
  type NotificationSettingsState,
  type Recipient,
} from '../notifications';
import { recipientsOf } from '../recipients';

/** What a delivery job carries: everything to send, so that a replay sends the same words. */
export interface DeliveryJobData {
  notificationId: string;
  ags: string;
  channel: DeliveryChannel;
  cause: { eventId: string; type: NotifyingEventType; correlationId: string };
  notice: DeadlineNotice;
}

export interface PlannedNotification {
  notificationId: string;
  ags: Recipient;
  /** Recorded at once: the inbox entry, and one "queued" per outside channel. */
  events: { eventId: string; event: NotificationDelivered | NotificationQueued }[];
  jobs: { jobId: string; data: DeliveryJobData }[];
}

/** A deadline's facts as of one of its events: its stream up to and including that event. */
export function deadlineAsOf(history: RecordedEvent[]): DeadlineFacts | undefined {
  return history.reduce<DeadlineFacts | undefined>(
    (facts, e) => evolveDeadlineFacts(facts, e as unknown as DeadlineContractEvent, e.metadata.occurredAt),
    undefined,
  );
}

/** Channels configured by a municipality (the grants office has only its inbox). */
export function channelsOf(settings: NotificationSettingsState | undefined): DeliveryChannel[] {
  const channels: DeliveryChannel[] = [];
  if (settings?.email) channels.push('email');
  if (settings?.webhookUrl) channels.push('webhook');
  return channels;
}

/** The job of one channel of one recipient's notice of a cause: the same words whenever it is made. */
export function deliveryJobFor(
  cause: RecordedEvent,
  facts: DeadlineFacts | undefined,
  ags: string,
  channel: DeliveryChannel,
  names?: NoticeNames,
): { jobId: string; data: DeliveryJobData } {
  const notice = cause as unknown as NoticeCause;
  const notificationId = notificationIdFor(cause.metadata.eventId, ags);
  return {
    jobId: deliveryJobId(notificationId, channel),
    data: {
      notificationId,
      ags,
      channel,
      cause: {
        eventId: cause.metadata.eventId,
        type: notice.type,
        correlationId: cause.metadata.correlationId,
      },
      notice: composeNotice(notice, facts, ags, names),
    },
  };
}

/**
 * Who is told of a deadline event and by which channels, with ids derived from the cause alone:
 * planning the same event again (a replay, a second dispatcher) gives the same events and jobs.
 */
export function planNotifications(
  cause: RecordedEvent,
  facts: DeadlineFacts | undefined,
  settingsOf: (ags: string) => NotificationSettingsState | undefined,
  names?: NoticeNames,
): PlannedNotification[] {
  return recipientsOf(cause as unknown as NoticeCause, facts).map((ags) => {
    const notificationId = notificationIdFor(cause.metadata.eventId, ags);
    const base = { notificationId, ags, cause: cause.metadata.eventId };
    const channels = ags === null ? [] : channelsOf(settingsOf(ags));
    const jobs = channels.map((channel) => deliveryJobFor(cause, facts, ags as string, channel, names));
    const events: PlannedNotification['events'] = [
      {
        eventId: deterministicUuid(`${notificationId}:inbox:delivered`),
        event: { type: 'NotificationDelivered', data: { ...base, channel: 'inbox', attempt: 1 } },
      },
      ...jobs.map(({ jobId, data }) => ({
        eventId: deterministicUuid(`${jobId}:queued`),
        event: {
          type: 'NotificationQueued' as const,
          data: { ...base, channel: data.channel, attempt: 0, jobId },
        },
      })),
    ];
    return { notificationId, ags, events, jobs };
  });
}
