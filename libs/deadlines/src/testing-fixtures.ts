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

export const CALL_DEADLINE = 'call-closes.kkz-2011';

/** The 2011 call closing Thursday 15 Dec 2011, published 9 Nov: nobody obliged until a draft. */
export function callClosesOpened(): DeadlineEvent {
  return {
    type: 'DeadlineOpened',
    data: {
      deadlineId: CALL_DEADLINE,
      kind: 'call-closes',
      programmeId: 'kkz',
      subject: { callId: 'kkz-2011' },
      obligedAgs: [],
      dueDate: '2011-12-15',
      lastDay: '2011-12-15',
      dueAt: '2011-12-15T23:00:00.000Z',
      fixed: true,
      reminderOffsetsDays: [14, 7, 1, 0],
      cause: 'call-published-event-id',
      openedAt: '2011-11-09T09:00:00.000Z',
    },
  };
}

/** A lead applicant's draft obliges it by the call's closing. */
export function obligationAdded(ags: string, addedAt: string): DeadlineEvent {
  return {
    type: 'DeadlineObligationAdded',
    data: {
      deadlineId: CALL_DEADLINE,
      ags,
      applicationId: `kkz-2011.${ags}`,
      cause: `drafted-${ags}`,
      addedAt,
    },
  };
}

export function obligationMet(ags: string, metAt: string): DeadlineEvent {
  return {
    type: 'DeadlineObligationMet',
    data: { deadlineId: CALL_DEADLINE, ags, applicationId: `kkz-2011.${ags}`, by: `submitted-${ags}`, metAt },
  };
}
