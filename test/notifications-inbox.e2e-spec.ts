import { randomUUID } from 'node:crypto';
import { ProjectionRunner, rebuild } from '@app/eventsourcing';
import { notificationIdFor, notificationsProjection } from '@app/notifications';
import { DORTMUND, KREIS_UNNA } from './support/fixtures';
import { appendDeadlineEvent, expectRefused } from './support/notifications';
import { bearer, startTestApi, type TestApi } from './support/test-api';

const DEADLINE = 'kkz-2011.council-resolution.05978000';
const DUE_AT = '2012-05-14T22:00:00.000Z'; // Saturday 12 May 2012 moved to Monday 14 May (§ 193 BGB)

describe('notifications over HTTP: the inbox', () => {
  let api: TestApi;
  let unna: Record<string, string>;
  let dortmund: Record<string, string>;
  let office: Record<string, string>;
  const deadlineEvent = (type: string, data: object, occurredAt?: string) =>
    appendDeadlineEvent(api, DEADLINE, type, data, occurredAt);

  const openDeadline = () =>
    deadlineEvent('DeadlineOpened', {
      kind: 'council-resolution-due',
      subject: { applicationId: 'kkz-2011.05978000', callId: 'kkz-2011' },
      obligedAgs: [KREIS_UNNA],
      dueDate: '2012-05-12',
      dueAt: DUE_AT,
      fixed: false,
      reminderOffsetsDays: [14, 7, 1],
      cause: randomUUID(),
    });

  beforeAll(async () => {
    api = await startTestApi({ now: '2012-02-14T10:00:00.000Z' });
    unna = bearer(await api.token('municipality', KREIS_UNNA));
    dortmund = bearer(await api.token('municipality', DORTMUND));
    office = bearer(await api.token('grants-office'));
  });
  afterAll(() => api.close());

  const reminder = (offsetDays: number, issuedAt: string) =>
    deadlineEvent(
      'DeadlineReminderIssued',
      { kind: 'council-resolution-due', offsetDays, dueAt: DUE_AT, obligedAgs: [KREIS_UNNA], issuedAt },
      issuedAt,
    );

  describe('inbox', () => {
    let reminderIds: string[];

    beforeAll(async () => {
      await openDeadline();
      reminderIds = [
        await reminder(14, '2012-04-30T08:00:00.000Z'),
        await reminder(7, '2012-05-07T08:00:00.000Z'),
        await reminder(1, '2012-05-13T08:00:00.000Z'),
      ];
    });

    it('holds the reminders for the obliged municipality, newest first, in German', async () => {
      const inbox = (await api.http.get('/inbox').set(unna).expect(200)).body;
      expect(inbox.owner).toBe(KREIS_UNNA);
      expect(inbox.unread).toBe(3);
      expect(inbox.items.map((i: { offsetDays: number }) => i.offsetDays)).toEqual([1, 7, 14]);
      expect(inbox.items.map((i: { notificationId: string }) => i.notificationId)).toEqual(
        [...reminderIds].reverse().map((id) => notificationIdFor(id, KREIS_UNNA)),
      );
      expect(inbox.items[2]).toMatchObject({
        type: 'reminder',
        read: false,
        headline:
          'Erinnerung: Ratsbeschluss zur Bewerbung kkz-2011.05978000 – Frist endet in 14 Tagen, am Montag, 14. Mai 2012',
        deadline: { deadlineId: DEADLINE, dueDate: '2012-05-14', dueAt: DUE_AT },
      });
    });

    it('shows nothing of it to another municipality or the grants office', async () => {
      expect((await api.http.get('/inbox').set(dortmund).expect(200)).body).toEqual({
        owner: DORTMUND,
        unread: 0,
        items: [],
        total: 0,
        page: 1,
        limit: 50,
      });
      expect((await api.http.get('/inbox').set(office).expect(200)).body.items).toEqual([]);
    });

    it('marks a notification read once; reading it again records nothing', async () => {
      const id = notificationIdFor(reminderIds[0], KREIS_UNNA);
      const first = await api.http.post(`/inbox/${id}/read`).set(unna).expect(200);
      expect(first.body).toEqual({ id, revision: 0 });
      const head = await api.store.headPosition();
      expect((await api.http.post(`/inbox/${id}/read`).set(unna).expect(200)).body).toEqual({
        id,
        revision: 0,
      });
      expect(await api.store.headPosition()).toBe(head);
      const inbox = (await api.http.get('/inbox').set(unna).expect(200)).body;
      expect(inbox.unread).toBe(2);
      expect(inbox.items[2]).toMatchObject({ read: true, readAt: '2012-02-14T10:00:00.000Z' });
      const unread = (await api.http.get('/inbox?unread=true').set(unna).expect(200)).body;
      expect(unread.items.map((i: { offsetDays: number }) => i.offsetDays)).toEqual([1, 7]);
    });

    it("answers 404 to another municipality or the office marking Unna's notification, and to unknown ids", async () => {
      const id = notificationIdFor(reminderIds[1], KREIS_UNNA);
      await expectRefused(api, () => api.http.post(`/inbox/${id}/read`).set(dortmund), 404, 'not-found');
      await expectRefused(api, () => api.http.post(`/inbox/${id}/read`).set(office), 404, 'not-found');
      await expectRefused(
        api,
        () => api.http.post(`/inbox/${randomUUID()}/read`).set(unna),
        404,
        'not-found',
      );
      await expectRefused(api, () => api.http.get('/inbox?unread=maybe').set(unna), 400, 'validation-failed');
    });

    it('tells the municipality of a missed deadline and the grants office of its escalation', async () => {
      await deadlineEvent('DeadlineMissed', { dueAt: DUE_AT, missedAt: DUE_AT }, DUE_AT);
      const escalation = await deadlineEvent(
        'DeadlineEscalated',
        { to: 'grants-office', at: DUE_AT },
        DUE_AT,
      );
      const own = (await api.http.get('/inbox').set(unna).expect(200)).body;
      expect(own.items[0]).toMatchObject({
        type: 'missed',
        headline: expect.stringContaining('Frist versäumt'),
      });
      const officeInbox = (await api.http.get('/inbox').set(office).expect(200)).body;
      expect(officeInbox.owner).toBe('grants-office');
      expect(officeInbox.items).toHaveLength(1);
      expect(officeInbox.items[0]).toMatchObject({
        type: 'escalated',
        notificationId: notificationIdFor(escalation, null),
        headline: expect.stringContaining(
          'Eskalation: Ratsbeschluss zur Bewerbung kkz-2011.05978000 (Kreis Unna)',
        ),
      });
      await api.http
        .post(`/inbox/${notificationIdFor(escalation, null)}/read`)
        .set(office)
        .expect(200);
      await expectRefused(
        api,
        () => api.http.post(`/inbox/${notificationIdFor(escalation, null)}/read`).set(unna),
        404,
        'not-found',
      );
    });
  });

  it('rebuilds the same read model from the store, and applying every event twice changes nothing', async () => {
    const live = api.app.get(ProjectionRunner).state(notificationsProjection);
    const events = await api.store.readAll();
    expect(rebuild(notificationsProjection, events)).toEqual(live);
    const twice = rebuild(notificationsProjection, events);
    for (const e of events) notificationsProjection.apply(twice, e);
    expect(twice).toEqual(live);
  });
});
