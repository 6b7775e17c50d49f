import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { MembershipBoundBySubmission, NotAMember } from '../errors';
import {
  confirmed,
  declined,
  draftedInviting,
  kamen,
  left,
  luenen,
  oberhausen,
  submitted,
  withdrawn,
} from '../testing-fixtures';
import { leaveJointApplicationDecider } from './leave-joint-application.decide';

const spec = deciderSpecification(leaveJointApplicationDecider);
const leave = (ags = kamen.ags) => ({ applicationId: 'kkz-2011.05978000', ags });

describe('a confirmed member leaves a joint application', () => {
  it('lets a confirmed member leave before the submission', () =>
    spec
      .given([...draftedInviting(kamen, luenen), confirmed(kamen)])
      .when(leave())
      .then([left(kamen)]));

  it('refuses to let a member leave once the lead has submitted: the submission binds it', () =>
    spec
      .given([...draftedInviting(kamen), confirmed(kamen), submitted()])
      .when(leave())
      .thenThrows(MembershipBoundBySubmission, 'membership-bound-by-submission'));

  it('records nothing for a member that left already or that the lead withdrew', () => {
    spec
      .given([...draftedInviting(kamen), confirmed(kamen), left(kamen)])
      .when(leave())
      .then([]);
    spec
      .given([...draftedInviting(kamen), confirmed(kamen), withdrawn(kamen, true)])
      .when(leave())
      .then([]);
  });

  it('refuses an invitee that never confirmed, or declined: it is not a member', () => {
    spec.given(draftedInviting(kamen)).when(leave()).thenThrows(NotAMember, 'not-a-member');
    spec
      .given([...draftedInviting(kamen), declined(kamen)])
      .when(leave())
      .thenThrows(NotAMember);
  });

  it('knows no membership of a municipality never invited', () =>
    spec.given(draftedInviting(kamen)).when(leave(oberhausen.ags)).thenThrows(NotFound, 'not-found'));
});
