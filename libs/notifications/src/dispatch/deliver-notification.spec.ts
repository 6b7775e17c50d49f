import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import {
  type AppendResult,
  type ExpectedRevision,
  MemoryEventStore,
  type NewEvent,
  type RecordedEvent,
} from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { FixedClock } from '@app/shared';
import { SecretBox } from '../secret-box';
import { deliverNotification, oneAtATime } from './deliver-notification';
import type { MailMessage, MailSender } from './email-sender';
import type { DeliveryJobData } from './plan-notifications';

const UNNA = '05978000';
const ID = '0d0c4f2e-7a41-5f3e-8c11-4a2b6c8d9e00';
const DEADLINE = 'esf-report-due.kkz.phase-1.05978000.2011';
const DUE_AT = '2012-05-14T22:00:00.000Z';

/** A memory store whose next append of one event type fails: the worker dies right there. */
class DyingStore extends MemoryEventStore {
  dieAt?: string;
  override async appendToStream(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.some((e) => e.type === this.dieAt)) {
      this.dieAt = undefined;
      throw new Error('the worker died');
    }
    return super.appendToStream(streamId, events, expected);
  }
}

/** A mail transport that remembers what it was handed and fails while told to. */
class RecordingMail implements MailSender {
  sent: MailMessage[] = [];
  failing = false;
  async send(message: MailMessage) {
    if (this.failing) throw new Error('421 try again later');
    this.sent.push(message);
  }
  close() {}
}

describe('delivering one channel of a notification', () => {
  let store: DyingStore;
  let mail: RecordingMail;
  const deps = () => ({
    store,
    mail,
    clock: new FixedClock('2012-05-07T08:00:00.000Z'),
    secrets: new SecretBox('k'.repeat(40)),
    webhookTimeoutMs: 1000,
  });
  const job = (attemptsMade = 0, id = `notify.${ID}.email`) =>
    ({
      id,
      attemptsMade,
      opts: { attempts: 2 },
      data: {
        notificationId: ID,
        ags: UNNA,
        channel: 'email',
        cause: { eventId: 'cause', type: 'DeadlineReminderIssued', correlationId: 'corr' },
        notice: {
          headline: 'Erinnerung',
          text: 'Frist endet bald',
          deadline: { deadlineId: DEADLINE, dueAt: DUE_AT },
        },
      },
    }) as unknown as Job<DeliveryJobData>;
  const deadlineEvent = (type: string, data: object) =>
    store.appendToStream(`deadline-${DEADLINE}`, [newEvent(type, { deadlineId: DEADLINE, ...data })], 'any');
  const outcomes = async () =>
    (await store.readStream(`notification-${ID}`)).map(
      (e: RecordedEvent) => `${e.type}:${(e.data as { attempt: number }).attempt}`,
    );

  beforeEach(async () => {
    store = new DyingStore();
    await deadlineEvent('DeadlineOpened', { dueAt: DUE_AT, dueDate: '2012-05-14', obligedAgs: [UNNA] });
    mail = new RecordingMail();
    await store.appendToStream(
      `notification-settings-${UNNA}`,
      [
        newEvent('NotificationChannelsSet', {
          ags: UNNA,
          email: 'fristen@kreis-unna.de',
          calendarTokenSealed: 'x',
        }),
      ],
      'no_stream',
    );
  });

  it('sends once and records the delivery; a duplicate job sends nothing more', async () => {
    expect(await deliverNotification(job(), deps())).toBe('delivered');
    expect(await deliverNotification(job(0, 'a-duplicate'), deps())).toBe('already-delivered');
    expect(await deliverNotification(job(), deps())).toBe('already-delivered');
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]).toMatchObject({
      to: 'fristen@kreis-unna.de',
      subject: 'Erinnerung',
      notificationId: ID,
    });
    expect(await outcomes()).toEqual(['NotificationAttempted:1', 'NotificationDelivered:1']);
  });

  it('records a failed attempt, then the delivery of the next', async () => {
    mail.failing = true;
    await expect(deliverNotification(job(0), deps())).rejects.toThrow('421 try again later');
    mail.failing = false;
    expect(await deliverNotification(job(1), deps())).toBe('delivered');
    expect(await outcomes()).toEqual([
      'NotificationAttempted:1',
      'NotificationDeliveryFailed:1',
      'NotificationAttempted:2',
      'NotificationDelivered:2',
    ]);
  });

  it('gives up after the last attempt and does not try again when the job comes back', async () => {
    mail.failing = true;
    await expect(deliverNotification(job(0), deps())).rejects.toThrow();
    await expect(deliverNotification(job(1), deps())).rejects.toBeInstanceOf(UnrecoverableError);
    mail.failing = false;
    expect(await deliverNotification(job(0), deps())).toBe('given-up');
    expect(mail.sent).toHaveLength(0);
    const failed = (await store.readStream(`notification-${ID}`))
      .filter((e) => e.type === 'NotificationDeliveryFailed')
      .map((e) => e.data as { willRetry: boolean });
    expect(failed.map((f) => f.willRetry)).toEqual([true, false]);
  });

  it('records a channel switched off meanwhile as a final failure, sending nothing', async () => {
    await store.appendToStream(
      `notification-settings-${UNNA}`,
      [newEvent('NotificationChannelsSet', { ags: UNNA, calendarTokenSealed: 'x' })],
      0,
    );
    await expect(deliverNotification(job(), deps())).rejects.toBeInstanceOf(UnrecoverableError);
    expect(mail.sent).toHaveLength(0);
    expect(await outcomes()).toEqual(['NotificationDeliveryFailed:1']);
  });
  it.each([
    ['DeadlineMet', { metAt: '2012-05-10T10:00:00.000Z', by: 'report-submitted' }, 'deadline-met'],
    ['DeadlineCancelled', { reason: 'Bescheid aufgehoben' }, 'deadline-cancelled'],
    ['DeadlineExtended', { dueDate: '2012-06-14', dueAt: '2012-06-14T22:00:00.000Z' }, 'deadline-moved'],
  ])('sends nothing stale: after %s it records the notification skipped', async (type, data, reason) => {
    await deadlineEvent(type, data);
    expect(await deliverNotification(job(), deps())).toBe('superseded');
    expect(await deliverNotification(job(1), deps())).toBe('superseded');
    expect(mail.sent).toHaveLength(0);
    const [skipped] = await store.readStream(`notification-${ID}`);
    expect(skipped).toMatchObject({
      type: 'NotificationSkipped',
      data: { channel: 'email', attempt: 1, reason },
    });
  });

  it('records each attempt before sending: after a crash between sending and recording, the retry records the outcome unknown and sends the same message again', async () => {
    store.dieAt = 'NotificationDelivered';
    await expect(deliverNotification(job(0), deps())).rejects.toThrow('the worker died');
    expect(await outcomes()).toEqual(['NotificationAttempted:1']);
    expect(await deliverNotification(job(0), deps())).toBe('delivered');
    expect(await outcomes()).toEqual([
      'NotificationAttempted:1',
      'NotificationOutcomeUnknown:1',
      'NotificationAttempted:2',
      'NotificationDelivered:2',
    ]);
    // The receiver sees the same notification twice and drops one: its Message-ID derives from it.
    expect(mail.sent.map((m) => m.notificationId)).toEqual([ID, ID]);
  });

  it('does not record "skipped" as if nothing went out: a deadline met after an unconfirmed attempt leaves that attempt on record as of unknown outcome', async () => {
    store.dieAt = 'NotificationDelivered';
    await expect(deliverNotification(job(0), deps())).rejects.toThrow('the worker died');
    await deadlineEvent('DeadlineMet', { metAt: '2012-05-10T10:00:00.000Z', by: 'report-submitted' });
    expect(await deliverNotification(job(0), deps())).toBe('superseded');
    expect(await deliverNotification(job(0), deps())).toBe('superseded');
    expect(await outcomes()).toEqual([
      'NotificationAttempted:1',
      'NotificationOutcomeUnknown:1',
      'NotificationSkipped:2',
    ]);
    expect(mail.sent).toHaveLength(1);
  });

  it('records an attempt whose failure was never recorded as of unknown outcome, and tries again', async () => {
    mail.failing = true;
    await expect(deliverNotification(job(0), deps())).rejects.toThrow('421');
    store.dieAt = 'NotificationDeliveryFailed';
    await expect(deliverNotification(job(1), deps())).rejects.toThrow('the worker died');
    mail.failing = false;
    expect(await deliverNotification(job(1), deps())).toBe('delivered');
    expect(await outcomes()).toEqual([
      'NotificationAttempted:1',
      'NotificationDeliveryFailed:1',
      'NotificationAttempted:2',
      'NotificationOutcomeUnknown:2',
      'NotificationAttempted:3',
      'NotificationDelivered:3',
    ]);
  });

  it('gives up when the worker stopped during as many attempts as are allowed, saying that the outcome is unknown', async () => {
    for (let i = 0; i < 2; i++) {
      store.dieAt = 'NotificationDelivered';
      await expect(deliverNotification(job(0), deps())).rejects.toThrow('the worker died');
    }
    await expect(deliverNotification(job(0), deps())).rejects.toBeInstanceOf(UnrecoverableError);
    const events = await store.readStream(`notification-${ID}`);
    expect(events.map((e) => `${e.type}:${(e.data as { attempt: number }).attempt}`)).toEqual([
      'NotificationAttempted:1',
      'NotificationOutcomeUnknown:1',
      'NotificationAttempted:2',
      'NotificationOutcomeUnknown:2',
      'NotificationDeliveryFailed:3',
    ]);
    expect(events.at(-1)?.data).toMatchObject({
      willRetry: false,
      error: expect.stringContaining('unknown'),
    });
    expect(mail.sent).toHaveLength(2);
  });

  it('runs a job id once at a time in one process: a copy added while the first sends finds its delivery', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: MailSender = {
      send: async (m) => {
        await gate;
        mail.sent.push(m);
      },
      close: () => undefined,
    };
    const deliver = oneAtATime((j) => deliverNotification(j, { ...deps(), mail: slow }));
    const first = deliver(job(0));
    const copy = deliver(job(0));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    expect(await Promise.all([first, copy])).toEqual(['delivered', 'already-delivered']);
    expect(mail.sent).toHaveLength(1);
  });
});
