import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { REPORT_DEADLINE, reportDueOpened } from '../testing-fixtures';
import { meetDeadlineDecider } from './meet-deadline.decide';

const spec = deciderSpecification(meetDeadlineDecider);
const missed = {
  type: 'DeadlineMissed' as const,
  data: {
    kind: 'esf-report-due' as const,
    subject: {},
    obligedAgs: ['05978000'],
    deadlineId: REPORT_DEADLINE,
    dueAt: '2012-11-30T23:00:00.000Z',
    missedAt: '2012-11-30T23:00:00.000Z',
  },
};

describe('meet a deadline', () => {
  it('records the report submitted before the deadline as meeting it', () =>
    spec
      .given([reportDueOpened()])
      .when({ deadlineId: REPORT_DEADLINE, metAt: '2012-11-28T10:00:00.000Z', by: 'submitted-id' })
      .then([
        {
          type: 'DeadlineMet',
          data: { deadlineId: REPORT_DEADLINE, metAt: '2012-11-28T10:00:00.000Z', by: 'submitted-id' },
        },
      ]));

  it('marks a fulfilment after the deadline was missed as late', () =>
    spec
      .given([reportDueOpened(), missed])
      .when({ deadlineId: REPORT_DEADLINE, metAt: '2012-12-03T10:00:00.000Z', by: 'late-id' })
      .then([
        {
          type: 'DeadlineMet',
          data: { deadlineId: REPORT_DEADLINE, metAt: '2012-12-03T10:00:00.000Z', by: 'late-id', late: true },
        },
      ]));

  it('records a deadline met only once', () =>
    spec
      .given([
        reportDueOpened(),
        {
          type: 'DeadlineMet',
          data: { deadlineId: REPORT_DEADLINE, metAt: '2012-11-28T10:00:00.000Z', by: 'a' },
        },
      ])
      .when({ deadlineId: REPORT_DEADLINE, metAt: '2012-11-29T10:00:00.000Z', by: 'b' })
      .then([]));
});
