import { ProjectionRunner } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { notificationIdFor } from '@app/notifications';
import { KREIS_UNNA } from '../support/fixtures';
import type { ContextRoutes } from './route-case';

const DEADLINE = `route-guards.notifications.${KREIS_UNNA}`;
/** The reminder's event id is fixed, so the notification's id is known before setup runs. */
const REMINDER_EVENT_ID = '3f0d6a8e-8b1c-4c7e-9a52-6b1d2f0c9e01';
const NOTIFICATION = notificationIdFor(REMINDER_EVENT_ID, KREIS_UNNA);
const SETTINGS = `/municipalities/${KREIS_UNNA}/notification-settings`;

/**
 * Channel settings, inbox and calendar feed. The deadline and its reminder are appended by the
 * deadlines contract (docs/events.md), as the deadline manager in the worker would; the calendar
 * feed is public and guarded by its secret token (test/notifications.e2e-spec.ts proves a wrong
 * one answers 404).
 */
export const notificationsRoutes: ContextRoutes = {
  context: 'notifications',
  async setup({ api, as }) {
    const unna = await as('municipality', KREIS_UNNA);
    await api.http.put(SETTINGS).set(unna).send({ email: 'fristen@kreis-unna.de' }).expect(200);
    const actor = { subject: 'deadline-manager', role: 'system' };
    const dueAt = '2012-05-31T22:00:00.000Z';
    const { position } = await api.store.appendToStream(
      `deadline-${DEADLINE}`,
      [
        newEvent(
          'DeadlineOpened',
          {
            deadlineId: DEADLINE,
            kind: 'council-resolution-due',
            subject: { applicationId: `kkz-2011.${KREIS_UNNA}` },
            obligedAgs: [KREIS_UNNA],
            dueDate: '2012-05-31',
            dueAt,
            fixed: false,
            reminderOffsetsDays: [7],
            cause: '3f0d6a8e-8b1c-4c7e-9a52-6b1d2f0c9e00',
          },
          { actor },
        ),
        newEvent(
          'DeadlineReminderIssued',
          {
            deadlineId: DEADLINE,
            kind: 'council-resolution-due',
            offsetDays: 7,
            dueAt,
            obligedAgs: [KREIS_UNNA],
            issuedAt: '2012-05-24T08:00:00.000Z',
          },
          { actor, eventId: REMINDER_EVENT_ID },
        ),
      ],
      'any',
    );
    await api.app.get(ProjectionRunner).waitFor(position);
  },
  routes: [
    {
      method: 'put',
      path: SETTINGS,
      openApiPath: '/municipalities/{ags}/notification-settings',
      allowed: ['municipality'],
      body: { email: 'fristen@kreis-unna.de' },
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: SETTINGS,
      openApiPath: '/municipalities/{ags}/notification-settings',
      allowed: ['grants-office', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: '/inbox',
      openApiPath: '/inbox',
      allowed: ['grants-office', 'municipality'],
    },
    {
      method: 'post',
      path: `/inbox/${NOTIFICATION}/read`,
      openApiPath: '/inbox/{notificationId}/read',
      allowed: ['grants-office', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
  ],
  publicPaths: ['/calendar/{ags}/{token}.ics'],
};
