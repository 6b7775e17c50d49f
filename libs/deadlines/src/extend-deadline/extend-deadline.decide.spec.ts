import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { BusinessCalendar } from '@app/shared';
import {
  DeadlineClosed,
  DeadlineFollowsItsCause,
  ExtensionIntoPast,
  ExtensionNotLater,
  ReasonMissing,
} from '../errors';
import { REPORT_DEADLINE, reportDueOpened } from '../testing-fixtures';
import { extendDeadlineDecider } from './extend-deadline.decide';

const spec = deciderSpecification(extendDeadlineDecider);
const calendar = new BusinessCalendar();
const extend = (
  dueDate: string,
  now = '2012-11-20T10:00:00.000Z',
  reason = 'Kreistag tagt erst im Dezember',
) => ({
  deadlineId: REPORT_DEADLINE,
  end: calendar.deadlineEnd(dueDate),
  reason,
  by: 'grants-office:dev',
  now,
});

describe('extend a deadline', () => {
  it('records the new end after § 193 BGB, the reason and who granted it', () =>
    spec
      .given([reportDueOpened()])
      .when(extend('2012-12-15'))
      .then([
        {
          type: 'DeadlineExtended',
          data: {
            deadlineId: REPORT_DEADLINE,
            dueDate: '2012-12-15',
            lastDay: '2012-12-17',
            dueAt: '2012-12-17T23:00:00.000Z',
            fixed: false,
            reason: 'Kreistag tagt erst im Dezember',
            by: 'grants-office:dev',
            extendedAt: '2012-11-20T10:00:00.000Z',
          },
        },
      ]));

  it('refuses an extension into the past', () =>
    spec
      .given([reportDueOpened()])
      .when(extend('2012-12-14', '2012-12-20T10:00:00.000Z'))
      .thenThrows(ExtensionIntoPast, 'extension-into-past'));

  it('refuses an "extension" that ends earlier than the deadline does now', () =>
    spec
      .given([reportDueOpened()])
      .when(extend('2012-11-29'))
      .thenThrows(ExtensionNotLater, 'extension-not-later'));

  it('refuses an extension without a reason', () =>
    spec
      .given([reportDueOpened()])
      .when(extend('2012-12-14', undefined, '  '))
      .thenThrows(ReasonMissing, 'reason-missing'));

  it('refuses to extend a deadline met or cancelled, and an unknown one', () => {
    spec
      .given([
        reportDueOpened(),
        {
          type: 'DeadlineMet',
          data: { deadlineId: REPORT_DEADLINE, metAt: '2012-11-02T10:00:00.000Z', by: 'e' },
        },
      ])
      .when(extend('2012-12-14'))
      .thenThrows(DeadlineClosed, 'deadline-closed');
    spec.given([]).when(extend('2012-12-14')).thenThrows(NotFound, 'not-found');
  });

  it('refuses to extend when a call closes: that is the call’s own closing date', () =>
    spec
      .given([reportDueOpened({ kind: 'call-closes', fixed: true })])
      .when(extend('2012-12-14'))
      .thenThrows(DeadlineFollowsItsCause, 'deadline-follows-its-cause'));

  it('reopens a missed deadline', () =>
    expect(
      extendDeadlineDecider.decide(extend('2012-12-14', '2012-12-03T10:00:00.000Z'), {
        ...(extendDeadlineDecider.evolve(extendDeadlineDecider.initialState(), reportDueOpened()) as object),
        status: 'missed',
      } as never),
    ).toHaveLength(1));
});
