import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { AlreadySubmitted, CallClosed } from '../errors';
import { bruecken, call2011, drafted, kamen } from '../testing-fixtures';
import { reviseExpressionOfInterestDecider } from './revise-expression-of-interest.decide';

const spec = deciderSpecification(reviseExpressionOfInterestDecider);
const revise = (now: string) => ({
  applicationId: 'kkz-2011.05978000',
  content: bruecken({ motto: 'Brücken für Familien – überarbeitet' }),
  members: [{ ags: kamen.ags, municipality: kamen }],
  call: call2011(),
  now,
});

describe('revise an expression of interest', () => {
  it('replaces the content and members of a draft', () =>
    spec
      .given([drafted()])
      .when(revise('2011-12-02T10:00:00.000Z'))
      .then([
        {
          type: 'ExpressionOfInterestRevised',
          data: {
            applicationId: 'kkz-2011.05978000',
            members: [kamen],
            content: bruecken({ motto: 'Brücken für Familien – überarbeitet' }),
          },
        },
      ]));

  it('refuses to change a submitted expression of interest', () =>
    spec
      .given([
        drafted(),
        {
          type: 'ExpressionOfInterestSubmitted',
          data: {
            applicationId: 'kkz-2011.05978000',
            callId: 'kkz-2011',
            submittedAt: '2011-12-10T10:00:00.000Z',
          },
        },
      ])
      .when(revise('2011-12-11T10:00:00.000Z'))
      .thenThrows(AlreadySubmitted, 'already-submitted'));

  it('refuses changes after the call closed', () =>
    spec.given([drafted()]).when(revise('2011-12-16T10:00:00.000Z')).thenThrows(CallClosed));
});
