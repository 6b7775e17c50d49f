import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { CallNotDraft, ClosingDateInPast, TermsNotInForce } from '../errors';
import { call2011Terms, phaseOneRules } from '../testing-fixtures';
import { publishCallDecider } from './publish-call.decide';

const spec = deciderSpecification(publishCallDecider);
const drafted = { type: 'CallDrafted' as const, data: call2011Terms() };
const termsVersions = [phaseOneRules()];

describe('publish a call', () => {
  it('publishes a draft before its closing date', () =>
    spec
      .given([drafted])
      .when({ callId: 'kkz-2011', now: '2011-11-09T09:00:00.000Z', termsVersions })
      .then([
        { type: 'CallPublished', data: { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' } },
      ]));

  it('refuses to publish twice', () =>
    spec
      .given([
        drafted,
        { type: 'CallPublished', data: { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' } },
      ])
      .when({ callId: 'kkz-2011', now: '2011-11-10T09:00:00.000Z', termsVersions })
      .thenThrows(CallNotDraft, 'call-not-draft'));

  it('refuses to publish a call that has closed', () =>
    spec
      .given([
        drafted,
        { type: 'CallPublished', data: { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' } },
        { type: 'CallClosed', data: { callId: 'kkz-2011', closedAt: '2011-12-15T23:00:00.000Z' } },
      ])
      .when({ callId: 'kkz-2011', now: '2011-12-16T09:00:00.000Z', termsVersions })
      .thenThrows(CallNotDraft, 'call-not-draft'));

  it('refuses to publish after the closing date', () =>
    spec
      .given([drafted])
      .when({ callId: 'kkz-2011', now: '2011-12-16T00:00:00.000Z', termsVersions })
      .thenThrows(ClosingDateInPast));

  it('refuses an unknown call', () =>
    spec
      .given([])
      .when({ callId: 'nope', now: '2011-11-09T09:00:00.000Z', termsVersions })
      .thenThrows(NotFound, 'not-found'));

  it('refuses to publish while no version of the programme terms is in force on the opening day', () =>
    spec
      .given([drafted])
      .when({ callId: 'kkz-2011', now: '2011-11-09T09:00:00.000Z', termsVersions: [] })
      .thenThrows(TermsNotInForce, 'terms-not-in-force'));

  it('publishes ahead of the terms when they are in force on the opening day', () =>
    spec
      .given([{ type: 'CallDrafted', data: call2011Terms({ opensOn: '2011-11-14' }) }])
      .when({
        callId: 'kkz-2011',
        now: '2011-11-09T09:00:00.000Z',
        termsVersions: [phaseOneRules({ effectiveFrom: '2011-11-14' })],
      })
      .then([
        { type: 'CallPublished', data: { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' } },
      ]));

  it('refuses when the terms take effect only after the opening day', () =>
    spec
      .given([{ type: 'CallDrafted', data: call2011Terms({ opensOn: '2011-11-14' }) }])
      .when({
        callId: 'kkz-2011',
        now: '2011-11-09T09:00:00.000Z',
        termsVersions: [phaseOneRules({ effectiveFrom: '2011-11-15' })],
      })
      .thenThrows(TermsNotInForce, 'terms-not-in-force'));
});
