import { DeadlineRecorder } from '@app/deadlines';
import { ProjectionRunner } from '@app/eventsourcing';
import { KREIS_UNNA } from '../support/fixtures';
import type { ContextRoutes } from './route-case';

const DEADLINE = `council-resolution-due.kkz-2011.${KREIS_UNNA}.${KREIS_UNNA}`;

/**
 * Programme deadline settings, extensions, cancellations, queries and metrics. Deadlines are
 * opened by the deadline manager in the worker, which the route-guard API does not run: the setup
 * records one as the manager would (Kreis Unna owes its council resolution).
 */
export const deadlinesRoutes: ContextRoutes = {
  context: 'deadlines',
  async setup({ api }) {
    await new DeadlineRecorder(api.store).open({
      deadlineId: DEADLINE,
      kind: 'council-resolution-due',
      programmeId: 'kkz',
      subject: { applicationId: `kkz-2011.${KREIS_UNNA}`, callId: 'kkz-2011' },
      obligedAgs: [KREIS_UNNA],
      dueDate: '2012-05-31',
      lastDay: '2012-05-31',
      dueAt: '2012-05-31T22:00:00.000Z',
      fixed: false,
      reminderOffsetsDays: [14, 7, 1, 0],
      cause: 'route-guards-selection',
      openedAt: api.clock.nowIso(),
    });
    await api.app.get(ProjectionRunner).waitFor(await api.store.headPosition());
  },
  routes: [
    {
      method: 'put',
      path: '/programmes/kkz/deadline-settings',
      openApiPath: '/programmes/{programmeId}/deadline-settings',
      allowed: ['grants-office'],
      body: { reminderOffsetsDays: [14, 7, 1, 0], timeZone: 'Europe/Berlin' },
    },
    {
      method: 'get',
      path: '/programmes/kkz/deadline-settings',
      openApiPath: '/programmes/{programmeId}/deadline-settings',
      allowed: ['grants-office', 'auditor'],
    },
    {
      method: 'get',
      path: '/deadlines',
      openApiPath: '/deadlines',
      allowed: ['grants-office', 'auditor', 'municipality'],
    },
    {
      method: 'get',
      path: `/deadlines/${DEADLINE}`,
      openApiPath: '/deadlines/{deadlineId}',
      allowed: ['grants-office', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'get',
      path: `/deadlines/${DEADLINE}/reminder-letters/${KREIS_UNNA}.pdf`,
      openApiPath: '/deadlines/{deadlineId}/reminder-letters/{ags}.pdf',
      allowed: ['grants-office', 'auditor', 'municipality'],
      ownedBy: KREIS_UNNA,
    },
    {
      method: 'post',
      path: `/deadlines/${DEADLINE}/extensions`,
      openApiPath: '/deadlines/{deadlineId}/extensions',
      allowed: ['grants-office'],
      body: { dueDate: '2012-06-29', reason: 'Kreistag tagt erst im Juni' },
    },
    {
      method: 'post',
      path: `/deadlines/${DEADLINE}/cancellation`,
      openApiPath: '/deadlines/{deadlineId}/cancellation',
      allowed: ['grants-office'],
      body: { reason: 'Auswahl korrigiert' },
    },
    {
      method: 'get',
      path: '/metrics',
      openApiPath: '/metrics',
      allowed: ['grants-office'],
    },
  ],
};
