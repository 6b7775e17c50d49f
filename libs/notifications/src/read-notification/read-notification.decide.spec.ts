import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import type { NotificationEvent } from '../notifications';
import { readNotificationDecider } from './read-notification.decide';

const spec = deciderSpecification(readNotificationDecider);
const UNNA = '05978000';
const id = '6f1c1f0e-1d8e-5b43-9d57-0c1f2b1c3d4e';
const readAt = '2011-12-01T08:00:00.000Z';
const delivered: NotificationEvent = {
  type: 'NotificationDelivered',
  data: { notificationId: id, ags: UNNA, channel: 'inbox', cause: 'c', attempt: 1 },
};

describe('read a notification', () => {
  it('marks a notification of its own inbox as read', () =>
    spec
      .given([delivered])
      .when({ notificationId: id, reader: UNNA, notification: { ags: UNNA }, readAt })
      .then([{ type: 'NotificationRead', data: { notificationId: id, ags: UNNA, readAt } }]));

  it('lets the grants office read an escalation in the office inbox', () =>
    spec
      .given([])
      .when({ notificationId: id, reader: null, notification: { ags: null }, readAt })
      .then([{ type: 'NotificationRead', data: { notificationId: id, ags: null, readAt } }]));

  it('records nothing when it was read before', () =>
    spec
      .given([delivered, { type: 'NotificationRead', data: { notificationId: id, ags: UNNA, readAt } }])
      .when({ notificationId: id, reader: UNNA, notification: { ags: UNNA }, readAt })
      .then([]));

  it("answers not-found for another municipality's notification, as if it did not exist", () =>
    spec
      .given([delivered])
      .when({ notificationId: id, reader: '05913000', notification: { ags: UNNA }, readAt })
      .thenThrows(NotFound, 'not-found'));

  it('answers not-found for the office reading a municipality notification, and for unknown ids', () => {
    spec
      .given([])
      .when({ notificationId: id, reader: null, notification: { ags: UNNA }, readAt })
      .thenThrows(NotFound);
    spec.given([]).when({ notificationId: id, reader: UNNA, readAt }).thenThrows(NotFound);
  });
});
