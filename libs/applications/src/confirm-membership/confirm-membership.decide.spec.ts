import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { CallClosed, InvitationNotOpen } from '../errors';
import {
  call2011,
  confirmed,
  declined,
  draftedInviting,
  invited,
  kamen,
  lapsed,
  left,
  luenen,
  oberhausen,
  submitted,
  withdrawn,
} from '../testing-fixtures';
import { confirmMembershipDecider } from './confirm-membership.decide';

const spec = deciderSpecification(confirmMembershipDecider);
const confirm = (ags = kamen.ags, now = '2011-11-21T10:00:00.000Z', call = call2011()) => ({
  applicationId: 'kkz-2011.05978000',
  ags,
  call,
  now,
});

describe('an invited municipality confirms its membership of a joint application', () => {
  it('makes the invited municipality a member by its own confirmation', () =>
    spec
      .given(draftedInviting(kamen, luenen))
      .when(confirm())
      .then([confirmed(kamen)]));

  it('records nothing when the member confirms again', () =>
    spec
      .given([...draftedInviting(kamen), confirmed(kamen)])
      .when(confirm())
      .then([]));

  it('knows no invitation for a municipality never invited', () =>
    spec.given(draftedInviting(kamen)).when(confirm(oberhausen.ags)).thenThrows(NotFound, 'not-found'));

  it('knows no application that was never drafted', () =>
    spec.given([]).when(confirm()).thenThrows(NotFound));

  it('refuses an invitation declined, withdrawn or lapsed, and a membership left', () => {
    for (const ended of [declined(kamen), withdrawn(kamen, false), left(kamen)])
      spec
        .given([...draftedInviting(kamen), ended])
        .when(confirm())
        .thenThrows(InvitationNotOpen, 'invitation-not-open');
    spec
      .given([...draftedInviting(kamen), submitted(), lapsed(kamen)])
      .when(confirm())
      .thenThrows(InvitationNotOpen, 'invitation-not-open');
  });

  it('refuses a confirmation after the call closed at 24:00 Berlin time', () =>
    spec
      .given(draftedInviting(kamen))
      .when(confirm(kamen.ags, '2011-12-15T23:00:00.000Z'))
      .thenThrows(CallClosed, 'call-closed'));

  it('lets a municipality confirm again once the lead invites it anew', () =>
    spec
      .given([...draftedInviting(kamen), declined(kamen), invited(kamen)])
      .when(confirm())
      .then([confirmed(kamen)]));
});
