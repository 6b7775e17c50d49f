import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  AmendmentEmpty,
  CallNotAmendable,
  ChangeReasonMissing,
  InvalidForm,
  InvalidParticipantRange,
} from '../errors';
import { call2011Terms } from '../testing-fixtures';
import { amendCallDecider } from './amend-call.decide';

const spec = deciderSpecification(amendCallDecider);
const drafted = { type: 'CallDrafted' as const, data: call2011Terms() };
const published = {
  type: 'CallPublished' as const,
  data: { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' },
};
const now = '2011-11-20T10:00:00.000Z';

describe('amend a call', () => {
  it('records only the terms that change, with reason, who and when', () =>
    spec
      .given([drafted, published])
      .when({
        callId: 'kkz-2011',
        changes: {
          participants: { min: 10, max: 18 },
          title: call2011Terms().title,
          budgetCents: 90_000_000,
        },
        reason: 'Haushaltsmittel aufgestockt',
        by: 'office-1',
        now,
      })
      .then([
        {
          type: 'CallAmended',
          data: {
            callId: 'kkz-2011',
            changes: { participants: { min: 10, max: 18 }, budgetCents: 90_000_000 },
            reason: 'Haushaltsmittel aufgestockt',
            amendedBy: 'office-1',
            amendedAt: now,
          },
        },
      ]));

  it('refuses an amendment that changes nothing', () =>
    spec
      .given([drafted, published])
      .when({ callId: 'kkz-2011', changes: { title: call2011Terms().title }, reason: 'x', by: 'o', now })
      .thenThrows(AmendmentEmpty, 'amendment-empty'));

  it('refuses an amendment without a reason', () =>
    spec
      .given([drafted, published])
      .when({ callId: 'kkz-2011', changes: { budgetCents: 1 }, reason: '  ', by: 'o', now })
      .thenThrows(ChangeReasonMissing, 'reason-missing'));

  it('checks the amended terms like a new call', () =>
    spec
      .given([drafted, published])
      .when({ callId: 'kkz-2011', changes: { participants: { min: 9, max: 3 } }, reason: 'r', by: 'o', now })
      .thenThrows(InvalidParticipantRange, 'invalid-participant-range'));

  it('refuses a form with a field named twice', () =>
    spec
      .given([drafted, published])
      .when({
        callId: 'kkz-2011',
        changes: {
          form: {
            fields: [
              { fieldId: 'a', label: 'A', type: 'text', required: true },
              { fieldId: 'a', label: 'B', type: 'text', required: false },
            ],
          },
        },
        reason: 'r',
        by: 'o',
        now,
      })
      .thenThrows(InvalidForm, 'invalid-form'));

  it('refuses to amend a closed call, or one past its closing', () => {
    spec
      .given([
        drafted,
        published,
        { type: 'CallClosed', data: { callId: 'kkz-2011', closedAt: '2011-12-15T23:00:00.000Z' } },
      ])
      .when({
        callId: 'kkz-2011',
        changes: { budgetCents: 1 },
        reason: 'r',
        by: 'o',
        now: '2011-12-16T09:00:00.000Z',
      })
      .thenThrows(CallNotAmendable, 'call-not-amendable');
    spec
      .given([drafted, published])
      .when({
        callId: 'kkz-2011',
        changes: { budgetCents: 1 },
        reason: 'r',
        by: 'o',
        now: '2011-12-16T09:00:00.000Z',
      })
      .thenThrows(CallNotAmendable, 'call-not-amendable');
  });

  it('does not know a call never drafted', () =>
    spec
      .given([])
      .when({ callId: 'kkz-2011', changes: { budgetCents: 1 }, reason: 'r', by: 'o', now })
      .thenThrows(NotFound, 'not-found'));
});
