import type { RecordedEvent } from '@app/eventsourcing';
import type { DeliveryChannel } from '../notifications';

/** How a channel's delivery ended, once it has: nothing more is sent. */
export type FinalOutcome = 'already-delivered' | 'superseded' | 'given-up';

/** One channel of one notification as its stream tells it. */
export interface ChannelHistory {
  final?: FinalOutcome;
  /**
   * Attempts recorded as made with no outcome after them: the worker stopped between sending and
   * recording, so each may have reached the receiver.
   */
  unresolved: number[];
  /** The number the next attempt gets: attempts are numbered across every record of one. */
  nextAttempt: number;
  /** Attempts recorded as failed. */
  failures: number;
  /** Attempts recorded with an unknown outcome (unresolved ones not yet counted). */
  unknowns: number;
  /** When the last failure was recorded (wall clock): a retry waits its backoff from there. */
  lastFailureAt?: string;
  /** When the newest unresolved attempt was recorded: it may still be under way. */
  unresolvedSince?: string;
}

type Data = { channel?: string; attempt?: number; willRetry?: boolean };

/**
 * Reads one channel out of a notification's stream (pure). An attempt counts as resolved by a
 * delivery, a failure or an unknown outcome of the same number; a skip or a final failure ends
 * the channel, as a delivery does.
 */
export function channelHistory(stream: RecordedEvent[], channel: DeliveryChannel): ChannelHistory {
  const events = stream.filter((e) => (e.data as Data).channel === channel);
  const attemptOf = (e: RecordedEvent) => (e.data as Data).attempt ?? 0;
  const resolved = new Set<number>();
  const history: ChannelHistory = { unresolved: [], nextAttempt: 1, failures: 0, unknowns: 0 };
  const ends = new Set<FinalOutcome>();
  for (const e of events) {
    switch (e.type) {
      case 'NotificationDelivered':
        ends.add('already-delivered');
        resolved.add(attemptOf(e));
        break;
      case 'NotificationSkipped':
        ends.add('superseded');
        break;
      case 'NotificationDeliveryFailed':
        history.failures++;
        history.lastFailureAt = e.metadata.recordedAt;
        resolved.add(attemptOf(e));
        if ((e.data as Data).willRetry === false) ends.add('given-up');
        break;
      case 'NotificationOutcomeUnknown':
        history.unknowns++;
        resolved.add(attemptOf(e));
        break;
      default:
        break;
    }
    if (e.type !== 'NotificationQueued')
      history.nextAttempt = Math.max(history.nextAttempt, attemptOf(e) + 1);
  }
  // A delivery outranks anything else recorded (two workers may have raced to different ends).
  history.final = (['already-delivered', 'superseded', 'given-up'] as const).find((f) => ends.has(f));
  for (const e of events) {
    if (e.type !== 'NotificationAttempted' || resolved.has(attemptOf(e))) continue;
    history.unresolved.push(attemptOf(e));
    history.unresolvedSince = e.metadata.recordedAt;
  }
  return history;
}
