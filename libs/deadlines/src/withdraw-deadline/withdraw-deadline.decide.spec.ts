import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { REPORT_DEADLINE, reportDueOpened } from '../testing-fixtures';
import { withdrawDeadlineDecider } from './withdraw-deadline.decide';

const spec = deciderSpecification(withdrawDeadlineDecider);
const withdraw = {
  deadlineId: REPORT_DEADLINE,
  reason: 'Auswahlentscheidung korrigiert (selected → rejected): Punktzahl falsch addiert',
  cause: 'correction-event-id',
  at: '2012-11-20T10:00:00.000Z',
};
const cancelled = {
  type: 'DeadlineCancelled' as const,
  data: {
    deadlineId: REPORT_DEADLINE,
    reason: withdraw.reason,
    by: 'deadline-manager',
    cancelledAt: '2012-11-20T10:00:00.000Z',
    cause: 'correction-event-id',
  },
};

describe('withdraw a deadline its cause took back', () => {
  it('cancels an open deadline, naming the reason and the event that withdrew it', () =>
    spec.given([reportDueOpened()]).when(withdraw).then([cancelled]));

  it('cancels a missed one too: nothing more is owed', () =>
    spec
      .given([
        reportDueOpened(),
        {
          type: 'DeadlineMissed',
          data: {
            deadlineId: REPORT_DEADLINE,
            kind: 'esf-report-due',
            subject: {},
            obligedAgs: ['05978000'],
            dueAt: '2012-11-30T23:00:00.000Z',
            missedAt: '2012-11-30T23:00:00.000Z',
          },
        },
      ])
      .when(withdraw)
      .then([cancelled]));

  it('leaves a deadline already met or cancelled as it ended, and refuses nothing', () => {
    spec
      .given([
        reportDueOpened(),
        {
          type: 'DeadlineMet',
          data: { deadlineId: REPORT_DEADLINE, metAt: '2012-11-02T10:00:00.000Z', by: 'e1' },
        },
      ])
      .when(withdraw)
      .then([]);
    spec.given([reportDueOpened(), cancelled]).when(withdraw).then([]);
    spec.given([]).when(withdraw).then([]);
  });
});
