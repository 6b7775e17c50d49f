import {
  applyToDerivation,
  effectsFor,
  initialDerivationState,
  outstandingDeadlineIds,
} from './deadline-derivation';
import { calendar, fold, opened, record, recorded } from './derivation-testing';

describe('a corrected selection decision', () => {
  const APP = 'kkz-2011.05978000';
  const DUE = `council-resolution-due.${APP}.05978000`;
  const corrected = (outcome: string, corrects: string, extra: object = {}) =>
    recorded(`selection-${APP}`, 'SelectionDecisionCorrected', {
      applicationId: APP,
      callId: 'kkz-2011',
      programmeId: 'kkz',
      ags: '05978000',
      members: [],
      outcome,
      corrects,
      reasons: ['Punktzahl falsch addiert'],
      rules: { version: 0, effectiveFrom: null },
      correctedAt: '2012-03-01T10:00:00.000Z',
      ...extra,
    });

  it('opens the council-resolution deadline of a correction to "selected"', () => {
    const state = fold([
      corrected('selected', 'waitlisted', {
        councilResolutionDue: { ags: ['05978000'], dueDate: '2012-05-30' },
      }),
    ]);
    expect(opened(state, DUE)).toMatchObject({
      kind: 'council-resolution-due',
      obligedAgs: ['05978000'],
      lastDay: '2012-05-30',
      subject: { applicationId: APP, callId: 'kkz-2011' },
    });
  });

  it('withdraws the open council-resolution deadline of a correction away from "selected", with the reason', () => {
    const state = fold([
      recorded(`selection-${APP}`, 'SubmissionSelected', {
        applicationId: APP,
        callId: 'kkz-2011',
        programmeId: 'kkz',
        ags: '05978000',
        members: [],
        councilResolutionDue: { ags: ['05978000'], dueDate: '2012-05-19' },
      }),
    ]);
    record(state, DUE);
    const correction = corrected('rejected', 'selected');
    expect(applyToDerivation(state, correction, calendar)).toEqual([DUE]);
    expect(effectsFor(state, DUE)).toEqual([
      {
        kind: 'withdraw',
        deadlineId: DUE,
        withdrawal: {
          reason: 'Auswahlentscheidung korrigiert (selected → rejected): Punktzahl falsch addiert',
          cause: correction.metadata.eventId,
          at: correction.metadata.occurredAt,
        },
      },
    ]);
    record(state, DUE);
    expect(state.deadlines.get(DUE)?.status).toBe('cancelled');
    expect(outstandingDeadlineIds(state)).toEqual([]);

    // Selected again: a new deadline, since the withdrawn one stays as it ended.
    applyToDerivation(
      state,
      corrected('selected', 'rejected', {
        councilResolutionDue: { ags: ['05978000'], dueDate: '2012-06-29' },
      }),
      calendar,
    );
    expect(opened(state, `${DUE}.round-2`)).toMatchObject({ dueDate: '2012-06-29' });
    applyToDerivation(
      state,
      recorded(`council-resolution-${APP}.05978000`, 'CouncilResolutionRecorded', {
        applicationId: APP,
        ags: '05978000',
        result: 'approved',
      }),
      calendar,
    );
    expect(state.fulfilments.has(`${DUE}.round-2`)).toBe(true);
  });

  it('leaves deadlines alone when a correction does not concern a selection', () => {
    expect(
      applyToDerivation(initialDerivationState(), corrected('waitlisted', 'rejected'), calendar),
    ).toEqual([]);
  });
});
