import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { FiringTooEarly } from '../firing-too-early';
import {
  CALL_DEADLINE,
  callClosesOpened,
  obligationAdded,
  obligationMet,
  REPORT_DEADLINE,
  reportDueOpened,
} from '../testing-fixtures';
import { issueReminder, issueReminderDecider } from './issue-reminder.decide';

const spec = deciderSpecification(issueReminderDecider);
const remind = (offsetDays: number, now: string, dueAt = '2012-11-30T23:00:00.000Z') => ({
  deadlineId: REPORT_DEADLINE,
  offsetDays,
  dueAt,
  now,
});
const issued = (offsetDays: number, remindAt: string, issuedAt: string) => ({
  type: 'DeadlineReminderIssued' as const,
  data: {
    kind: 'esf-report-due' as const,
    programmeId: 'kkz',
    subject: { reportId: 'kkz.phase-1.05978000.2012', grantId: 'kkz.phase-1.05978000' },
    obligedAgs: ['05978000'],
    deadlineId: REPORT_DEADLINE,
    offsetDays,
    dueDate: '2012-11-30',
    dueAt: '2012-11-30T23:00:00.000Z',
    remindAt,
    issuedAt,
  },
});

describe('issue a deadline reminder', () => {
  it('reminds the obliged municipality 14 days before, at 08:00 Berlin time', () =>
    spec
      .given([reportDueOpened()])
      .when(remind(14, '2012-11-16T07:00:03.000Z'))
      .then([issued(14, '2012-11-16T07:00:00.000Z', '2012-11-16T07:00:03.000Z')]));

  it('sends each rung of the ladder once per due moment', () =>
    spec
      .given([reportDueOpened(), issued(14, '2012-11-16T07:00:00.000Z', '2012-11-16T07:00:03.000Z')])
      .when(remind(14, '2012-11-16T07:00:09.000Z'))
      .then([]));

  it('does not send a reminder planned for a due moment an extension replaced', () =>
    spec
      .given([
        reportDueOpened(),
        {
          type: 'DeadlineExtended',
          data: {
            deadlineId: REPORT_DEADLINE,
            dueDate: '2012-12-14',
            lastDay: '2012-12-14',
            dueAt: '2012-12-14T23:00:00.000Z',
            fixed: false,
            reason: 'Kreistag tagt später',
            by: 'office',
            extendedAt: '2012-11-10T10:00:00.000Z',
          },
        },
      ])
      .when(remind(14, '2012-11-16T07:00:00.000Z'))
      .then([]));

  it('sends nothing for a deadline met, cancelled or already due', () => {
    spec
      .given([
        reportDueOpened(),
        {
          type: 'DeadlineMet',
          data: { deadlineId: REPORT_DEADLINE, metAt: '2012-11-02T10:00:00.000Z', by: 'e1' },
        },
      ])
      .when(remind(14, '2012-11-16T07:00:00.000Z'))
      .then([]);
    spec.given([reportDueOpened()]).when(remind(0, '2012-12-01T00:00:00.000Z')).then([]);
  });

  it('does not send a reminder whose moment lay before the deadline was opened', () =>
    spec
      .given([reportDueOpened({ openedAt: '2012-11-20T10:00:00.000Z' })])
      .when(remind(14, '2012-11-20T10:00:01.000Z'))
      .then([]));

  it('after an outage sends only the freshest reminder that is due', () =>
    spec.given([reportDueOpened()]).when(remind(7, '2012-11-29T09:00:00.000Z')).then([]));

  it('waits when a firing arrives before its moment', () =>
    spec.given([reportDueOpened()]).when(remind(14, '2012-11-16T06:59:59.000Z')).thenThrows(FiringTooEarly));

  it('ignores a rung the ladder of this deadline does not have', () =>
    expect(issueReminder(remind(3, '2012-11-27T07:00:00.000Z'), { status: 'none' })).toEqual([]));

  describe('of a call’s closing', () => {
    const UNNA = '05978000';
    const OBERHAUSEN = '05119000';
    const remindCall = (offsetDays: number, now: string) => ({
      deadlineId: CALL_DEADLINE,
      offsetDays,
      dueAt: '2011-12-15T23:00:00.000Z',
      now,
    });

    it('reminds the lead applicants that drafted before its moment and have not submitted', () =>
      spec
        .given([
          callClosesOpened(),
          obligationAdded(UNNA, '2011-11-20T10:00:00.000Z'),
          obligationAdded(OBERHAUSEN, '2011-11-25T10:00:00.000Z'),
          obligationMet(OBERHAUSEN, '2011-12-10T11:00:00.000Z'),
          // Drafted after the 1-day reminder's moment (08:00 on 14 Dec): reminded from the next one.
          obligationAdded('05913000', '2011-12-14T09:00:00.000Z'),
        ])
        .when(remindCall(1, '2011-12-14T09:30:00.000Z'))
        .then([
          {
            type: 'DeadlineReminderIssued',
            data: {
              kind: 'call-closes',
              programmeId: 'kkz',
              subject: { callId: 'kkz-2011' },
              obligedAgs: [UNNA],
              deadlineId: CALL_DEADLINE,
              offsetDays: 1,
              dueDate: '2011-12-15',
              dueAt: '2011-12-15T23:00:00.000Z',
              remindAt: '2011-12-14T07:00:00.000Z',
              issuedAt: '2011-12-14T09:30:00.000Z',
            },
          },
        ]));

    it('sends nothing when nobody is left to remind: the grants office is not obliged by a call closing', () => {
      spec.given([callClosesOpened()]).when(remindCall(14, '2011-12-01T07:00:00.000Z')).then([]);
      spec
        .given([
          callClosesOpened(),
          obligationAdded(OBERHAUSEN, '2011-11-25T10:00:00.000Z'),
          obligationMet(OBERHAUSEN, '2011-12-10T11:00:00.000Z'),
        ])
        .when(remindCall(1, '2011-12-14T07:00:00.000Z'))
        .then([]);
    });
  });
});
