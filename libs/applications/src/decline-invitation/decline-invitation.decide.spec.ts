import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { InvitationNotOpen } from '../errors';
import {
  confirmed,
  declined,
  draftedInviting,
  kamen,
  lapsed,
  luenen,
  oberhausen,
  submitted,
} from '../testing-fixtures';
import { declineInvitationDecider } from './decline-invitation.decide';

const spec = deciderSpecification(declineInvitationDecider);
const decline = (ags = kamen.ags, reason?: string) => ({ applicationId: 'kkz-2011.05978000', ags, reason });

describe('an invited municipality declines an invitation to a joint application', () => {
  it('records the decline, with the reason given', () =>
    spec
      .given(draftedInviting(kamen, luenen))
      .when(decline(kamen.ags, 'Der Rat hat die Teilnahme abgelehnt.'))
      .then([
        {
          type: 'JointApplicationInvitationDeclined',
          data: {
            applicationId: 'kkz-2011.05978000',
            callId: 'kkz-2011',
            ags: kamen.ags,
            reason: 'Der Rat hat die Teilnahme abgelehnt.',
          },
        },
      ]));

  it('records nothing when it declines again', () =>
    spec
      .given([...draftedInviting(kamen), declined(kamen)])
      .when(decline())
      .then([]));

  it('sends a confirmed member to leave instead', () =>
    spec
      .given([...draftedInviting(kamen), confirmed(kamen)])
      .when(decline())
      .thenThrows(InvitationNotOpen, 'invitation-not-open'));

  it('refuses an invitation that lapsed with the submission', () =>
    spec
      .given([...draftedInviting(kamen), submitted(), lapsed(kamen)])
      .when(decline())
      .thenThrows(InvitationNotOpen));

  it('knows no invitation for a municipality never invited', () =>
    spec.given(draftedInviting(kamen)).when(decline(oberhausen.ags)).thenThrows(NotFound, 'not-found'));
});
