import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { DeadlineClosed, DeadlineFollowsItsCause, ReasonMissing } from '../errors';
import { REPORT_DEADLINE, reportDueOpened } from '../testing-fixtures';
import { cancelDeadlineDecider } from './cancel-deadline.decide';

const spec = deciderSpecification(cancelDeadlineDecider);
const cancel = (reason = 'Zuwendungsbescheid widerrufen') => ({
  deadlineId: REPORT_DEADLINE,
  reason,
  by: 'grants-office:dev',
  now: '2012-11-20T10:00:00.000Z',
});

describe('cancel a deadline', () => {
  it('records the cancellation with its reason', () =>
    spec
      .given([reportDueOpened()])
      .when(cancel())
      .then([
        {
          type: 'DeadlineCancelled',
          data: {
            deadlineId: REPORT_DEADLINE,
            reason: 'Zuwendungsbescheid widerrufen',
            by: 'grants-office:dev',
            cancelledAt: '2012-11-20T10:00:00.000Z',
          },
        },
      ]));

  it('refuses to cancel twice, without a reason, an unknown deadline, or a call closing', () => {
    spec
      .given([
        reportDueOpened(),
        {
          type: 'DeadlineCancelled',
          data: {
            deadlineId: REPORT_DEADLINE,
            reason: 'x',
            by: 'o',
            cancelledAt: '2012-11-01T00:00:00.000Z',
          },
        },
      ])
      .when(cancel())
      .thenThrows(DeadlineClosed, 'deadline-closed');
    spec.given([reportDueOpened()]).when(cancel('')).thenThrows(ReasonMissing);
    spec.given([]).when(cancel()).thenThrows(NotFound);
    spec
      .given([reportDueOpened({ kind: 'phase-ends' })])
      .when(cancel())
      .thenThrows(DeadlineFollowsItsCause);
  });
});
