import type { RecordedEvent } from '@app/eventsourcing';
import type { DeadlineFacts } from '../deadline-facts';
import { notificationIdFor } from '../notifications';
import { planNotifications } from './plan-notifications';

const UNNA = '05978000';
const KAMEN = '05978020';
const facts: DeadlineFacts = {
  deadlineId: 'd1',
  kind: 'council-resolution-due',
  subject: { applicationId: 'kkz-2011.05978000' },
  obligedAgs: [UNNA, KAMEN],
  statedDueDate: '2012-05-31',
  dueAt: '2012-05-31T22:00:00.000Z',
  reminderOffsetsDays: [7],
  status: 'open',
  missed: false,
  sequence: 0,
  changedAt: '2012-02-14T10:00:00.000Z',
};

function recorded(
  type: string,
  data: unknown,
  eventId = 'e0b1c9a4-0000-4000-8000-000000000001',
): RecordedEvent {
  return {
    streamId: 'deadline-d1',
    revision: 1,
    position: 10,
    type,
    data,
    metadata: {
      eventId,
      schemaVersion: 1,
      occurredAt: '2012-05-24T08:00:00.000Z',
      recordedAt: '2012-05-24T08:00:00.000Z',
      actor: { subject: 'deadline-manager', role: 'system' },
      correlationId: 'corr',
      causationId: 'cause',
      prevHash: '',
      hash: '',
    },
  } as RecordedEvent;
}

const reminder = recorded('DeadlineReminderIssued', {
  deadlineId: 'd1',
  kind: 'council-resolution-due',
  offsetDays: 7,
  dueAt: facts.dueAt,
  obligedAgs: [UNNA, KAMEN],
  issuedAt: '2012-05-24T08:00:00.000Z',
});

describe('planning notifications of a deadline event', () => {
  const settings = (ags: string) =>
    ags === UNNA
      ? { ags, email: 'fristen@kreis-unna.de', webhookUrl: 'https://hooks.kreis-unna.de/' }
      : undefined;

  it('tells every obliged municipality: inbox always, e-mail and webhook where configured', () => {
    const plans = planNotifications(reminder, facts, settings);
    expect(plans.map((p) => p.ags)).toEqual([UNNA, KAMEN]);
    expect(plans[0].jobs.map((j) => j.data.channel)).toEqual(['email', 'webhook']);
    expect(plans[1].jobs).toEqual([]);
    expect(plans[0].events.map((e) => [e.event.type, e.event.data.channel])).toEqual([
      ['NotificationDelivered', 'inbox'],
      ['NotificationQueued', 'email'],
      ['NotificationQueued', 'webhook'],
    ]);
    expect(plans[0].jobs[0].data.notice.headline).toContain('Ratsbeschluss zur Bewerbung kkz-2011.05978000');
  });

  it('derives every id from the cause: planning again gives the same ids', () => {
    const a = planNotifications(reminder, facts, settings);
    const b = planNotifications(reminder, facts, settings);
    expect(
      b.map((p) => [p.notificationId, p.events.map((e) => e.eventId), p.jobs.map((j) => j.jobId)]),
    ).toEqual(a.map((p) => [p.notificationId, p.events.map((e) => e.eventId), p.jobs.map((j) => j.jobId)]));
    expect(a[0].notificationId).toBe(notificationIdFor(reminder.metadata.eventId, UNNA));
    expect(a[0].jobs[0].jobId).toBe(`notify.${a[0].notificationId}.email`);
    const other = planNotifications(
      { ...reminder, metadata: { ...reminder.metadata, eventId: 'other' } } as RecordedEvent,
      facts,
      settings,
    );
    expect(other[0].notificationId).not.toBe(a[0].notificationId);
  });

  it('tells the obliged of a missed deadline, from the facts of the deadline', () => {
    const missed = recorded('DeadlineMissed', {
      deadlineId: 'd1',
      dueAt: facts.dueAt,
      missedAt: facts.dueAt,
    });
    expect(planNotifications(missed, facts, settings).map((p) => p.ags)).toEqual([UNNA, KAMEN]);
    expect(planNotifications(missed, undefined, settings)).toEqual([]);
  });

  it('sends an escalation to the grants office inbox only', () => {
    const escalated = recorded('DeadlineEscalated', {
      deadlineId: 'd1',
      to: 'grants-office',
      at: facts.dueAt,
    });
    const plans = planNotifications(escalated, facts, settings);
    expect(plans.map((p) => p.ags)).toEqual([null]);
    expect(plans[0].jobs).toEqual([]);
  });

  it('tells the grants office when no municipality is obliged', () => {
    const office = recorded('DeadlineReminderIssued', { ...(reminder.data as object), obligedAgs: [] });
    expect(planNotifications(office, { ...facts, obligedAgs: [] }, settings).map((p) => p.ags)).toEqual([
      null,
    ]);
  });
});
