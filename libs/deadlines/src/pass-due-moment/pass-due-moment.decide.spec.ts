import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { FiringTooEarly } from '../firing-too-early';
import { REPORT_DEADLINE, reportDueOpened } from '../testing-fixtures';
import { passDueMomentDecider } from './pass-due-moment.decide';

const spec = deciderSpecification(passDueMomentDecider);
const parties = {
  kind: 'esf-report-due' as const,
  programmeId: 'kkz',
  subject: { reportId: 'kkz.phase-1.05978000.2012', grantId: 'kkz.phase-1.05978000' },
  obligedAgs: ['05978000'],
};

describe('pass the due moment', () => {
  it('records an unmet obligation as missed at 24:00 and escalates it to the grants office', () =>
    spec
      .given([reportDueOpened()])
      .when({
        deadlineId: REPORT_DEADLINE,
        dueAt: '2012-11-30T23:00:00.000Z',
        now: '2012-11-30T23:00:02.000Z',
      })
      .then([
        {
          type: 'DeadlineMissed',
          data: {
            ...parties,
            deadlineId: REPORT_DEADLINE,
            dueAt: '2012-11-30T23:00:00.000Z',
            missedAt: '2012-11-30T23:00:00.000Z',
          },
        },
        {
          type: 'DeadlineEscalated',
          data: {
            ...parties,
            deadlineId: REPORT_DEADLINE,
            to: 'grants-office',
            at: '2012-11-30T23:00:02.000Z',
            dueAt: '2012-11-30T23:00:00.000Z',
          },
        },
      ]));

  it('ends a call-closes deadline as met by the call it closed', () =>
    spec
      .given([
        reportDueOpened({
          deadlineId: 'call-closes.kkz-2011',
          kind: 'call-closes',
          subject: { callId: 'kkz-2011' },
          obligedAgs: [],
          dueDate: '2011-12-15',
          lastDay: '2011-12-15',
          dueAt: '2011-12-15T23:00:00.000Z',
          fixed: true,
        }),
      ])
      .when({
        deadlineId: 'call-closes.kkz-2011',
        dueAt: '2011-12-15T23:00:00.000Z',
        now: '2011-12-15T23:00:00.000Z',
        elapsedBy: 'call-closed-id',
      })
      .then([
        {
          type: 'DeadlineMet',
          data: {
            deadlineId: 'call-closes.kkz-2011',
            metAt: '2011-12-15T23:00:00.000Z',
            by: 'call-closed-id',
            elapsed: true,
          },
        },
      ]));

  it('does nothing for a deadline met before, or a due moment an extension replaced', () => {
    spec
      .given([
        reportDueOpened(),
        {
          type: 'DeadlineMet',
          data: { deadlineId: REPORT_DEADLINE, metAt: '2012-11-29T10:00:00.000Z', by: 'e' },
        },
      ])
      .when({
        deadlineId: REPORT_DEADLINE,
        dueAt: '2012-11-30T23:00:00.000Z',
        now: '2012-11-30T23:00:00.000Z',
      })
      .then([]);
    spec
      .given([reportDueOpened()])
      .when({
        deadlineId: REPORT_DEADLINE,
        dueAt: '2012-11-15T23:00:00.000Z',
        now: '2012-11-30T23:00:00.000Z',
      })
      .then([]);
  });

  it('waits when the firing arrives before 24:00', () =>
    spec
      .given([reportDueOpened()])
      .when({
        deadlineId: REPORT_DEADLINE,
        dueAt: '2012-11-30T23:00:00.000Z',
        now: '2012-11-30T22:59:59.000Z',
      })
      .thenThrows(FiringTooEarly));
});
