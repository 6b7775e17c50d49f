import { applyToDerivation, effectsFor, outstandingDeadlineIds } from './deadline-derivation';
import { calendar, fold, record, recorded } from './derivation-testing';

describe('the lead applicants a call’s closing obliges', () => {
  const CALL = 'call-closes.kkz-2011';
  const published = () => [
    recorded('call-kkz-2011', 'CallDrafted', {
      callId: 'kkz-2011',
      programmeId: 'kkz',
      closingDate: '2011-12-15',
      closesAt: '2011-12-15T23:00:00.000Z',
    }),
    recorded('call-kkz-2011', 'CallPublished', { callId: 'kkz-2011' }, '2011-11-09T09:00:00.000Z'),
  ];
  const drafted = (ags: string, at: string, members: string[] = []) =>
    recorded(
      `application-kkz-2011.${ags}`,
      'ExpressionOfInterestDrafted',
      {
        applicationId: `kkz-2011.${ags}`,
        callId: 'kkz-2011',
        programmeId: 'kkz',
        applicant: { ags },
        members: members.map((m) => ({ ags: m })),
        content: {},
      },
      at,
    );
  const submitted = (ags: string, at: string) =>
    recorded(
      `application-kkz-2011.${ags}`,
      'ExpressionOfInterestSubmitted',
      { applicationId: `kkz-2011.${ags}`, callId: 'kkz-2011', submittedAt: at },
      at,
    );

  it('obliges the lead from its draft, not the members, and releases it when it submits', () => {
    const state = fold(published());
    record(state, CALL);
    const draft = drafted('05978000', '2011-11-20T10:00:00.000Z', ['05978020', '05978024']);
    expect(applyToDerivation(state, draft, calendar)).toEqual([CALL]);
    expect(effectsFor(state, CALL)).toEqual([
      {
        kind: 'add-obligation',
        deadlineId: CALL,
        obligation: {
          ags: '05978000',
          applicationId: 'kkz-2011.05978000',
          cause: draft.metadata.eventId,
          addedAt: '2011-11-20T10:00:00.000Z',
        },
      },
    ]);
    record(state, CALL);
    expect(state.deadlines.get(CALL)?.obligations).toEqual([
      { ags: '05978000', applicationId: 'kkz-2011.05978000', addedAt: '2011-11-20T10:00:00.000Z' },
    ]);
    expect(effectsFor(state, CALL)).toEqual([]);

    const submission = submitted('05978000', '2011-12-10T11:00:00.000Z');
    applyToDerivation(state, submission, calendar);
    expect(effectsFor(state, CALL)).toMatchObject([
      {
        kind: 'meet-obligation',
        fulfilment: { by: submission.metadata.eventId, metAt: '2011-12-10T11:00:00.000Z' },
      },
    ]);
    record(state, CALL);
    expect(state.deadlines.get(CALL)?.obligations[0].metAt).toBe('2011-12-10T11:00:00.000Z');
    expect(outstandingDeadlineIds(state)).toEqual([]);
  });

  it('after an outage opens the deadline, then adds and releases the obligations, in that order', () => {
    const state = fold([
      ...published(),
      drafted('05978000', '2011-11-20T10:00:00.000Z'),
      drafted('05119000', '2011-11-25T10:00:00.000Z'),
      submitted('05119000', '2011-12-10T11:00:00.000Z'),
    ]);
    expect(outstandingDeadlineIds(state)).toEqual([CALL]);
    expect(effectsFor(state, CALL).map((e) => e.kind)).toEqual([
      'open',
      'add-obligation',
      'add-obligation',
      'meet-obligation',
    ]);
    record(state, CALL);
    expect(outstandingDeadlineIds(state)).toEqual([]);
  });

  it('takes no obligation once the call has closed', () => {
    const state = fold(published());
    record(state, CALL);
    applyToDerivation(
      state,
      recorded(`deadline-${CALL}`, 'DeadlineMet', {
        deadlineId: CALL,
        metAt: '2011-12-15T23:00:00.000Z',
        by: 'closed',
        elapsed: true,
      }),
      calendar,
    );
    applyToDerivation(state, drafted('05978000', '2011-12-16T10:00:00.000Z'), calendar);
    expect(effectsFor(state, CALL)).toEqual([]);
    expect(outstandingDeadlineIds(state)).toEqual([]);
  });
});
