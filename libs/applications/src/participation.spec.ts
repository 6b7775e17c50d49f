import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { AlreadyParticipating } from './errors';
import { participationDecider } from './participation';

const spec = deciderSpecification(participationDecider);
const data = (applicationId: string) => ({ callId: 'kkz-2011', ags: '05978020', applicationId });
const claim = (applicationId: string) => ({ ...data(applicationId), action: 'claim' as const });
const release = (applicationId: string) => ({ ...data(applicationId), action: 'release' as const });
const claimed = (applicationId: string) => ({
  type: 'ParticipationClaimed' as const,
  data: data(applicationId),
});

describe('one expression of interest per municipality and call', () => {
  it('claims a free municipality', () =>
    spec
      .given([])
      .when(claim('unna'))
      .then([claimed('unna')]));

  it('refuses a municipality that already takes part elsewhere, without naming where', () =>
    spec
      .given([claimed('kamen')])
      .when(claim('unna'))
      .thenThrows(AlreadyParticipating, 'already-participating'));

  it('claims nothing twice for the same application', () =>
    spec
      .given([claimed('unna')])
      .when(claim('unna'))
      .then([]));

  it('releases only a claim the application holds', () => {
    spec
      .given([claimed('unna')])
      .when(release('unna'))
      .then([{ type: 'ParticipationReleased', data: data('unna') }]);
    spec
      .given([claimed('kamen')])
      .when(release('unna'))
      .then([]);
  });

  it('lets another application claim a released municipality', () =>
    spec
      .given([claimed('unna'), { type: 'ParticipationReleased', data: data('unna') }])
      .when(claim('kamen'))
      .then([claimed('kamen')]));
});
