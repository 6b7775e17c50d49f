import type { DeadlineEvent, DeadlineOpenedData } from './deadline';

/** An ESF report of Kreis Unna due Friday 30 Nov 2012, opened on 1 Oct 2012. */
export function reportDueOpened(overrides: Partial<DeadlineOpenedData> = {}): DeadlineEvent {
  return {
    type: 'DeadlineOpened',
    data: {
      deadlineId: 'esf-report-due.kkz.phase-1.05978000.2012',
      kind: 'esf-report-due',
      programmeId: 'kkz',
      subject: { reportId: 'kkz.phase-1.05978000.2012', grantId: 'kkz.phase-1.05978000' },
      obligedAgs: ['05978000'],
      dueDate: '2012-11-30',
      lastDay: '2012-11-30',
      dueAt: '2012-11-30T23:00:00.000Z',
      fixed: false,
      reminderOffsetsDays: [14, 7, 1, 0],
      cause: 'period-opened-event-id',
      openedAt: '2012-10-01T08:00:00.000Z',
      ...overrides,
    },
  };
}

export const REPORT_DEADLINE = 'esf-report-due.kkz.phase-1.05978000.2012';
