import type { RecordedEvent } from '@app/eventsourcing';
import {
  type DeadlineContractEvent,
  type DeadlineFacts,
  evolveDeadlineFacts,
  isDeadlineEvent,
  isNotifying,
} from '../deadline-facts';
import type { NoticeCause } from '../messages/deadline-message';
import {
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  deliveryJobId,
  notificationIdFor,
  type NotificationEvent,
} from '../notifications';
import { recipientsOf } from '../recipients';

/** Where a notifying deadline event is stored: enough to read it (and its deadline) again. */
export interface CauseRef {
  eventId: string;
  streamId: string;
  revision: number;
}

/** An e-mail or webhook recorded as queued whose delivery has not ended yet. */
export interface PendingDelivery {
  jobId: string;
  notificationId: string;
  ags: string;
  channel: DeliveryChannel;
  cause: CauseRef;
}

interface OpenCause {
  ref: CauseRef;
  /** Notifications of the cause not recorded yet (each is recorded whole, in one append). */
  unrecorded: Set<string>;
  /** Its deliveries not ended yet. */
  pending: number;
}

type Data = {
  notificationId?: string;
  channel?: string;
  cause?: string;
  ags?: string | null;
  willRetry?: boolean;
};

/**
 * What the store still owes the outside world, folded from `$all` (pure, no I/O): deadline
 * events whose notifications are not all recorded, and queued e-mails and webhooks without a
 * delivery, a skip or a final failure. Only what is open is kept, so that memory follows the
 * work outstanding, not the length of the history. Redis is never asked: reconciliation brings
 * the queue in line with this.
 */
export class DeliveryLedger {
  private readonly deadlines = new Map<string, DeadlineFacts>();
  private readonly causes = new Map<string, OpenCause>();
  private readonly deliveries = new Map<string, PendingDelivery>();
  /**
   * A cause that may be finished, with the stream of the event that made it so: a notification's
   * queued deliveries are appended together with its inbox entry, so the cause is dropped only
   * once an event of another stream shows that append to be over.
   */
  private settling?: { causeId: string; streamId: string };
  /** Position of the last event applied. */
  position = 0;

  apply(event: RecordedEvent): void {
    this.position = event.position;
    if (this.settling && this.settling.streamId !== event.streamId) {
      const cause = this.causes.get(this.settling.causeId);
      if (cause && cause.unrecorded.size === 0 && cause.pending === 0)
        this.causes.delete(this.settling.causeId);
      this.settling = undefined;
    }
    if (isDeadlineEvent(event)) this.applyDeadlineEvent(event);
    else if (
      event.streamId.startsWith('notification-') &&
      !event.streamId.startsWith('notification-settings-')
    )
      this.applyNotificationEvent(event as unknown as RecordedEvent<NotificationEvent>);
  }

  /** Deadline events whose notifications are not all recorded yet, oldest first. */
  undispatched(): CauseRef[] {
    return [...this.causes.values()].filter((c) => c.unrecorded.size > 0).map((c) => c.ref);
  }

  /** Queued deliveries that have not ended, oldest first. */
  pending(): PendingDelivery[] {
    return [...this.deliveries.values()];
  }

  /** How much is kept: deadline events with something owed, and deliveries owed. */
  size(): { causes: number; deliveries: number } {
    return { causes: this.causes.size, deliveries: this.deliveries.size };
  }

  private applyDeadlineEvent(event: RecordedEvent): void {
    const contract = event as unknown as DeadlineContractEvent;
    const id = contract.data.deadlineId;
    const facts = evolveDeadlineFacts(this.deadlines.get(id), contract, event.metadata.occurredAt);
    if (facts) this.deadlines.set(id, facts);
    if (!isNotifying(event.type)) return;
    const eventId = event.metadata.eventId;
    const recipients = recipientsOf(event as unknown as NoticeCause, facts);
    if (recipients.length === 0 || this.causes.has(eventId)) return;
    this.causes.set(eventId, {
      ref: { eventId, streamId: event.streamId, revision: event.revision },
      unrecorded: new Set(recipients.map((ags) => notificationIdFor(eventId, ags))),
      pending: 0,
    });
  }

  private applyNotificationEvent(event: RecordedEvent<NotificationEvent>): void {
    const data = event.data as Data;
    if (!data.notificationId || !data.cause) return;
    const cause = this.causes.get(data.cause);
    cause?.unrecorded.delete(data.notificationId);
    const channel = DELIVERY_CHANNELS.find((c) => c === data.channel);
    if (channel) {
      const jobId = deliveryJobId(data.notificationId, channel);
      if (event.type === 'NotificationQueued' && cause && !this.deliveries.has(jobId)) {
        this.deliveries.set(jobId, {
          jobId,
          notificationId: data.notificationId,
          ags: data.ags as string,
          channel,
          cause: cause.ref,
        });
        cause.pending++;
      } else if (ends(event.type, data) && this.deliveries.delete(jobId) && cause) {
        cause.pending--;
      }
    }
    if (cause && cause.unrecorded.size === 0 && cause.pending === 0)
      this.settling = { causeId: data.cause, streamId: event.streamId };
  }
}

function ends(type: string, data: Data): boolean {
  return (
    type === 'NotificationDelivered' ||
    type === 'NotificationSkipped' ||
    (type === 'NotificationDeliveryFailed' && data.willRetry === false)
  );
}
