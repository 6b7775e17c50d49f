import { MemoryEventStore, type RecordedEvent } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { deliveryJobId, notificationIdFor } from '../notifications';
import { DeliveryLedger } from './delivery-ledger';
import { deadlineAsOf, planNotifications } from './plan-notifications';

const UNNA = '05978000';
const KAMEN = '05978020';
const DUE_AT = '2012-05-31T22:00:00.000Z';
const UNNA_CHANNELS = {
  ags: UNNA,
  email: 'fristen@kreis-unna.de',
  webhookUrl: 'https://hooks.kreis-unna.de/',
};

/** A store written as the deadline manager and the dispatcher write it; the ledger folds its `$all`. */
class History {
  readonly store = new MemoryEventStore();

  async deadline(type: string, data: object): Promise<RecordedEvent> {
    await this.store.appendToStream('deadline-d1', [newEvent(type, { deadlineId: 'd1', ...data })], 'any');
    return (await this.store.readStream('deadline-d1')).at(-1) as RecordedEvent;
  }

  /** The notifications of a cause as the dispatcher records them, one append per notification. */
  async dispatched(cause: RecordedEvent): Promise<void> {
    const facts = deadlineAsOf(await this.store.readStream('deadline-d1'));
    for (const planned of planNotifications(cause, facts, (ags) =>
      ags === UNNA ? UNNA_CHANNELS : undefined,
    ))
      await this.store.appendToStream(
        `notification-${planned.notificationId}`,
        planned.events.map(({ eventId, event }) => newEvent(event.type, event.data, { eventId })),
        'no_stream',
      );
  }

  async outcome(cause: RecordedEvent, channel: string, type: string, extra: object = {}): Promise<void> {
    const notificationId = notificationIdFor(cause.metadata.eventId, UNNA);
    const data = { notificationId, ags: UNNA, channel, cause: cause.metadata.eventId, attempt: 1, ...extra };
    await this.store.appendToStream(`notification-${notificationId}`, [newEvent(type, data)], 'any');
  }

  async ledger(): Promise<DeliveryLedger> {
    const ledger = new DeliveryLedger();
    for (const e of await this.store.readAll()) ledger.apply(e);
    return ledger;
  }
}

describe('the ledger of what notifications still owe', () => {
  let history: History;
  let reminder: RecordedEvent;
  const jobOf = (cause: RecordedEvent, channel: 'email' | 'webhook') =>
    deliveryJobId(notificationIdFor(cause.metadata.eventId, UNNA), channel);

  beforeEach(async () => {
    history = new History();
    await history.deadline('DeadlineOpened', {
      kind: 'council-resolution-due',
      obligedAgs: [UNNA, KAMEN],
      dueDate: '2012-05-31',
      dueAt: DUE_AT,
      reminderOffsetsDays: [7],
    });
    reminder = await history.deadline('DeadlineReminderIssued', {
      kind: 'council-resolution-due',
      offsetDays: 7,
      dueAt: DUE_AT,
      obligedAgs: [UNNA, KAMEN],
      issuedAt: '2012-05-24T08:00:00.000Z',
    });
  });

  it('given a reminder whose notifications are not recorded, owes their dispatch', async () => {
    const ledger = await history.ledger();
    expect(ledger.undispatched()).toEqual([
      { eventId: reminder.metadata.eventId, streamId: 'deadline-d1', revision: reminder.revision },
    ]);
    expect(ledger.pending()).toEqual([]);
  });

  it('given the notifications recorded, owes the e-mail and the webhook queued for them', async () => {
    await history.dispatched(reminder);
    const ledger = await history.ledger();
    expect(ledger.undispatched()).toEqual([]);
    expect(ledger.pending()).toEqual([
      expect.objectContaining({ jobId: jobOf(reminder, 'email'), channel: 'email', ags: UNNA }),
      expect.objectContaining({ jobId: jobOf(reminder, 'webhook'), channel: 'webhook', ags: UNNA }),
    ]);
    expect(ledger.pending()[0].cause).toEqual({
      eventId: reminder.metadata.eventId,
      streamId: 'deadline-d1',
      revision: reminder.revision,
    });
    expect(ledger.size()).toEqual({ causes: 1, deliveries: 2 });
  });

  it('given only one of two notifications recorded (the dispatcher stopped between them), still owes the dispatch', async () => {
    await history.dispatched(reminder);
    const kamen = `notification-${notificationIdFor(reminder.metadata.eventId, KAMEN)}`;
    const store = new MemoryEventStore();
    for (const e of await history.store.readAll())
      if (e.streamId !== kamen)
        await store.appendToStream(e.streamId, [{ type: e.type, data: e.data, metadata: e.metadata }], 'any');
    const ledger = new DeliveryLedger();
    for (const e of await store.readAll()) ledger.apply(e);
    expect(ledger.undispatched().map((c) => c.eventId)).toEqual([reminder.metadata.eventId]);
  });

  it('keeps owing a delivery after attempts, failures that will be retried and unknown outcomes', async () => {
    await history.dispatched(reminder);
    await history.outcome(reminder, 'webhook', 'NotificationAttempted');
    await history.outcome(reminder, 'webhook', 'NotificationDeliveryFailed', {
      error: '500',
      willRetry: true,
    });
    await history.outcome(reminder, 'email', 'NotificationAttempted');
    await history.outcome(reminder, 'email', 'NotificationOutcomeUnknown');
    expect((await history.ledger()).pending().map((p) => p.channel)).toEqual(['email', 'webhook']);
  });

  it.each([
    ['NotificationDelivered', {}],
    ['NotificationSkipped', { reason: 'deadline-met' }],
    ['NotificationDeliveryFailed', { error: '500', willRetry: false }],
  ])(
    'owes nothing more of a channel after %s, and forgets the cause once nothing is owed',
    async (type, extra) => {
      await history.dispatched(reminder);
      await history.outcome(reminder, 'email', type, extra);
      expect((await history.ledger()).pending().map((p) => p.channel)).toEqual(['webhook']);
      await history.outcome(reminder, 'webhook', 'NotificationDelivered');
      await history.deadline('DeadlineMet', { metAt: DUE_AT });
      const ledger = await history.ledger();
      expect(ledger.pending()).toEqual([]);
      expect(ledger.size()).toEqual({ causes: 0, deliveries: 0 });
    },
  );

  it('forgets an escalation once the inbox entry of the grants office is recorded', async () => {
    const escalated = await history.deadline('DeadlineEscalated', { to: 'grants-office', at: DUE_AT });
    await history.dispatched(escalated);
    await history.deadline('DeadlineCancelled', {});
    const ledger = await history.ledger();
    expect(ledger.size().causes).toBe(1);
    expect(ledger.undispatched().map((c) => c.eventId)).toEqual([reminder.metadata.eventId]);
  });

  it('owes nothing for a deadline event no one is to be told of', async () => {
    const store = new MemoryEventStore();
    await store.appendToStream(
      'deadline-d2',
      [newEvent('DeadlineMissed', { deadlineId: 'd2', dueAt: DUE_AT, missedAt: DUE_AT })],
      'any',
    );
    const ledger = new DeliveryLedger();
    for (const e of await store.readAll()) ledger.apply(e);
    expect(ledger.undispatched()).toEqual([]);
    expect(ledger.position).toBe(await store.headPosition());
  });
});
