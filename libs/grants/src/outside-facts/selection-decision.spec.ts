import { fold } from '@app/eventsourcing';
import { selectionDecisionFold } from './selection-decision';

const base = {
  applicationId: 'kkz-2011.05978000',
  callId: 'kkz-2011',
  programmeId: 'kkz',
  ags: '05978000',
  reasons: ['Konzept'],
  rules: { version: 1, effectiveFrom: '2011-11-01' },
};
const selected = {
  type: 'SubmissionSelected',
  data: { ...base, members: [], amountCents: 6_400_000, population: 395_000 },
};
const waitlisted = { type: 'SubmissionWaitlisted', data: base };
const corrected = (outcome: string, amountCents?: number) => ({
  type: 'SelectionDecisionCorrected',
  data: {
    applicationId: base.applicationId,
    outcome,
    corrects: 'waitlisted',
    reasons: ['Nachrücker'],
    amountCents,
  },
});

describe('the selection decision as the grants context reads it (event contract)', () => {
  it('knows no decision before one is recorded, and passes over the other selection events', () =>
    expect(fold(selectionDecisionFold, [{ type: 'FormalCheckRecorded', data: { passed: true } }])).toEqual({
      outcome: 'none',
      members: [],
    }));

  it('reads a selection with its amount and the rules it was decided under', () =>
    expect(fold(selectionDecisionFold, [selected])).toMatchObject({
      outcome: 'selected',
      programmeId: 'kkz',
      ags: '05978000',
      amountCents: 6_400_000,
      rules: { version: 1, effectiveFrom: '2011-11-01' },
    }));

  it('follows a correction from the waiting list to selected, with the amount it names', () => {
    expect(fold(selectionDecisionFold, [waitlisted, corrected('selected', 4_800_000)])).toMatchObject({
      outcome: 'selected',
      amountCents: 4_800_000,
      programmeId: 'kkz',
    });
    expect(fold(selectionDecisionFold, [waitlisted, corrected('selected')]).amountCents).toBeUndefined();
  });

  it('keeps the selected amount through a correction away and back', () =>
    expect(
      fold(selectionDecisionFold, [selected, corrected('rejected'), corrected('selected')]),
    ).toMatchObject({
      outcome: 'selected',
      amountCents: 6_400_000,
    }));

  it('reads a correction to rejected as not selected', () =>
    expect(fold(selectionDecisionFold, [selected, corrected('rejected')]).outcome).toBe('rejected'));
});
