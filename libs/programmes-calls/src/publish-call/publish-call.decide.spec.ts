import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { CallNotDraft, ClosingDateInPast } from '../errors';
import { call2011Terms } from '../testing-fixtures';
import { publishCallDecider } from './publish-call.decide';

const spec = deciderSpecification(publishCallDecider);
const drafted = { type: 'CallDrafted' as const, data: call2011Terms() };

describe('publish a call', () => {
  it('publishes a draft before its closing date', () =>
    spec
      .given([drafted])
      .when({ callId: 'kkz-2011', now: '2011-11-09T09:00:00.000Z' })
      .then([
        { type: 'CallPublished', data: { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' } },
      ]));

  it('refuses to publish twice', () =>
    spec
      .given([
        drafted,
        { type: 'CallPublished', data: { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' } },
      ])
      .when({ callId: 'kkz-2011', now: '2011-11-10T09:00:00.000Z' })
      .thenThrows(CallNotDraft, 'call-not-draft'));

  it('refuses to publish a call that has closed', () =>
    spec
      .given([
        drafted,
        { type: 'CallPublished', data: { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' } },
        { type: 'CallClosed', data: { callId: 'kkz-2011', closedAt: '2011-12-15T23:00:00.000Z' } },
      ])
      .when({ callId: 'kkz-2011', now: '2011-12-16T09:00:00.000Z' })
      .thenThrows(CallNotDraft, 'call-not-draft'));

  it('refuses to publish after the closing date', () =>
    spec
      .given([drafted])
      .when({ callId: 'kkz-2011', now: '2011-12-16T00:00:00.000Z' })
      .thenThrows(ClosingDateInPast));

  it('refuses an unknown call', () =>
    spec
      .given([])
      .when({ callId: 'nope', now: '2011-11-09T09:00:00.000Z' })
      .thenThrows(NotFound, 'not-found'));
});
