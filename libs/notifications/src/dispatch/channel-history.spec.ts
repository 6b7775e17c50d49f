import type { RecordedEvent } from '@app/eventsourcing';
import { channelHistory } from './channel-history';

let position = 0;
function event(type: string, channel: string, attempt: number, extra: object = {}): RecordedEvent {
  position++;
  return {
    streamId: 'notification-n1',
    revision: position - 1,
    position,
    type,
    data: { notificationId: 'n1', ags: '05978000', channel, cause: 'c1', attempt, ...extra },
    metadata: { eventId: `e${position}`, recordedAt: `2012-05-07T08:00:0${position % 10}.000Z` },
  } as RecordedEvent;
}

describe("reading one channel's delivery from its notification's stream", () => {
  it('given nothing but the queueing, the first attempt is next', () => {
    expect(channelHistory([event('NotificationQueued', 'email', 0)], 'email')).toEqual({
      unresolved: [],
      nextAttempt: 1,
      failures: 0,
      unknowns: 0,
    });
  });

  it('given an attempt without an outcome, names it as unresolved, and when it was recorded', () => {
    const attempted = event('NotificationAttempted', 'webhook', 1);
    const history = channelHistory([event('NotificationQueued', 'webhook', 0), attempted], 'webhook');
    expect(history).toMatchObject({
      unresolved: [1],
      nextAttempt: 2,
      unresolvedSince: attempted.metadata.recordedAt,
    });
    expect(history.final).toBeUndefined();
  });

  it('given failures and an unknown outcome, counts each and numbers on across all of them', () => {
    const failed = event('NotificationDeliveryFailed', 'email', 2, { willRetry: true });
    const history = channelHistory(
      [
        event('NotificationAttempted', 'email', 1),
        event('NotificationOutcomeUnknown', 'email', 1),
        event('NotificationAttempted', 'email', 2),
        failed,
        event('NotificationAttempted', 'webhook', 7),
      ],
      'email',
    );
    expect(history).toEqual({
      unresolved: [],
      nextAttempt: 3,
      failures: 1,
      unknowns: 1,
      lastFailureAt: failed.metadata.recordedAt,
    });
  });

  it('given a delivery, it is over whatever else was recorded (two workers may have raced)', () => {
    const history = channelHistory(
      [
        event('NotificationSkipped', 'email', 1, { reason: 'deadline-met' }),
        event('NotificationDelivered', 'email', 2),
      ],
      'email',
    );
    expect(history.final).toBe('already-delivered');
  });

  it('given a final failure or a skip, it is over', () => {
    expect(
      channelHistory([event('NotificationDeliveryFailed', 'email', 1, { willRetry: false })], 'email').final,
    ).toBe('given-up');
    expect(
      channelHistory([event('NotificationSkipped', 'email', 1, { reason: 'deadline-met' })], 'email').final,
    ).toBe('superseded');
  });
});
