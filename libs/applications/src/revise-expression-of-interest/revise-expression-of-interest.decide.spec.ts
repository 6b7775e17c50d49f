import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { AlreadySubmitted, CallClosed } from '../errors';
import type { Applicant } from '../expression-of-interest';
import {
  bruecken,
  call2011,
  confirmed,
  declined,
  drafted,
  draftedInviting,
  invited,
  kamen,
  luenen,
  oberhausen,
  submitted,
  withdrawn,
} from '../testing-fixtures';
import { reviseExpressionOfInterestDecider } from './revise-expression-of-interest.decide';

const spec = deciderSpecification(reviseExpressionOfInterestDecider);
const content = bruecken({ motto: 'Brücken für Familien – überarbeitet' });
const revise = (now: string, members: Applicant[] = [kamen]) => ({
  applicationId: 'kkz-2011.05978000',
  content,
  members: members.map((m) => ({ ags: m.ags, municipality: m })),
  call: call2011(),
  now,
});
const revised = {
  type: 'ExpressionOfInterestRevised' as const,
  data: { applicationId: 'kkz-2011.05978000', content },
};

describe('revise an expression of interest', () => {
  it('replaces the content and invites a member named for the first time', () =>
    spec
      .given([drafted()])
      .when(revise('2011-12-02T10:00:00.000Z'))
      .then([revised, invited(kamen)]));

  it('keeps what confirmed members and open invitations have: naming them again changes nothing', () =>
    spec
      .given([...draftedInviting(kamen, luenen), confirmed(kamen)])
      .when(revise('2011-12-02T10:00:00.000Z', [kamen, luenen]))
      .then([revised]));

  it('withdraws an open invitation and a confirmed membership no longer named', () =>
    spec
      .given([...draftedInviting(kamen, luenen), confirmed(kamen)])
      .when(revise('2011-12-02T10:00:00.000Z', [oberhausen]))
      .then([revised, withdrawn(kamen, true), withdrawn(luenen, false), invited(oberhausen)]));

  it('invites anew a municipality that declined, when the lead names it again', () =>
    spec
      .given([...draftedInviting(kamen), declined(kamen)])
      .when(revise('2011-12-02T10:00:00.000Z', [kamen]))
      .then([revised, invited(kamen)]));

  it('refuses to change a submitted expression of interest', () =>
    spec
      .given([drafted(), submitted()])
      .when(revise('2011-12-11T10:00:00.000Z'))
      .thenThrows(AlreadySubmitted, 'already-submitted'));

  it('refuses changes after the call closed', () =>
    spec.given([drafted()]).when(revise('2011-12-16T10:00:00.000Z')).thenThrows(CallClosed));
});
