import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { AlreadyParticipating } from './errors';
import { claimParticipationDecider } from './participation';

const spec = deciderSpecification(claimParticipationDecider);
const claimed = (ags: string, applicationId: string) => ({
  type: 'ParticipationClaimed' as const,
  data: { callId: 'kkz-2011', ags, applicationId },
});

describe('one expression of interest per municipality and call', () => {
  it('claims the lead and the members of a joint application', () =>
    spec
      .given([])
      .when({ callId: 'kkz-2011', applicationId: 'unna', ags: ['05978000', '05978020'] })
      .then([claimed('05978000', 'unna'), claimed('05978020', 'unna')]));

  it('refuses a municipality that already takes part elsewhere, without naming where', () =>
    spec
      .given([claimed('05978020', 'kamen')])
      .when({ callId: 'kkz-2011', applicationId: 'unna', ags: ['05978000', '05978020'] })
      .thenThrows(AlreadyParticipating, 'already-participating'));

  it('releases members dropped on revision and claims nothing twice', () =>
    spec
      .given([claimed('05978000', 'unna'), claimed('05978020', 'unna')])
      .when({ callId: 'kkz-2011', applicationId: 'unna', ags: ['05978000'] })
      .then([
        {
          type: 'ParticipationReleased',
          data: { callId: 'kkz-2011', ags: '05978020', applicationId: 'unna' },
        },
      ]));

  it('writes nothing when the claims stand as they are', () =>
    spec
      .given([claimed('05978000', 'unna')])
      .when({ callId: 'kkz-2011', applicationId: 'unna', ags: ['05978000'] })
      .then([]));
});
