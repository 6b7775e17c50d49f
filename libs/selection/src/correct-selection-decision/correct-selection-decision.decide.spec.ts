import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  CorrectionChangesNothing,
  FormalCheckNotPassed,
  GrantAlreadyIssued,
  NoDecisionToCorrect,
  ReasonsRequired,
} from '../errors';
import type { SelectionEvent } from '../selection';
import { APPLICATION_ID, formalCheck, rulesV1, unnaSubmission } from '../testing-fixtures';
import {
  type CorrectSelectionDecision,
  correctSelectionDecisionDecider,
} from './correct-selection-decision.decide';

const spec = deciderSpecification(correctSelectionDecisionDecider);
const now = '2012-02-20T10:00:00.000Z';
const decided = (type: 'SubmissionRejected' | 'SubmissionWaitlisted'): SelectionEvent => ({
  type,
  data: {
    applicationId: APPLICATION_ID,
    callId: 'kkz-2011',
    programmeId: 'kkz',
    ags: '05978000',
    reasons: ['Platz 19'],
    rules: rulesV1,
    decidedAt: '2012-02-10T10:00:00.000Z',
  },
});
const correct = (overrides: Partial<CorrectSelectionDecision> = {}): CorrectSelectionDecision => ({
  submission: unnaSubmission(),
  outcome: 'selected',
  reasons: ['Nachrücken für eine zurückgezogene Bewerbung'],
  population: 395000,
  now,
  ...overrides,
});
const identity = {
  applicationId: APPLICATION_ID,
  callId: 'kkz-2011',
  programmeId: 'kkz',
  ags: '05978000',
  members: ['05978020', '05978024'],
};

describe('correct a selection decision', () => {
  it('moves a waitlisted submission up to selected, with its amount and the resolutions now due', () =>
    spec
      .given([formalCheck(true), decided('SubmissionWaitlisted')])
      .when(correct())
      .then([
        {
          type: 'SelectionDecisionCorrected',
          data: {
            ...identity,
            outcome: 'selected',
            corrects: 'waitlisted',
            amountCents: 6_400_000,
            population: 395000,
            councilResolutionDue: { ags: ['05978000', '05978020', '05978024'], dueDate: '2012-05-20' },
            reasons: ['Nachrücken für eine zurückgezogene Bewerbung'],
            rules: rulesV1,
            correctedAt: now,
          },
        },
      ]));

  it('corrects a selection to a rejection without an amount', () =>
    spec
      .given([
        formalCheck(true),
        {
          type: 'SubmissionSelected',
          data: {
            ...identity,
            reasons: ['x'],
            rules: rulesV1,
            decidedAt: '2012-02-10T10:00:00.000Z',
            amountCents: 6_400_000,
            population: 395000,
          },
        },
      ])
      .when(correct({ outcome: 'rejected', reasons: ['Bewerbung zurückgezogen'] }))
      .then([
        {
          type: 'SelectionDecisionCorrected',
          data: {
            ...identity,
            outcome: 'rejected',
            corrects: 'selected',
            reasons: ['Bewerbung zurückgezogen'],
            rules: rulesV1,
            correctedAt: now,
          },
        },
      ]));

  it('refuses a correction without a decision', () =>
    spec
      .given([formalCheck(true)])
      .when(correct())
      .thenThrows(NoDecisionToCorrect, 'no-decision-to-correct'));

  it('refuses a correction that does not change the outcome', () =>
    spec
      .given([formalCheck(true), decided('SubmissionWaitlisted')])
      .when(correct({ outcome: 'waitlisted' }))
      .thenThrows(CorrectionChangesNothing, 'correction-changes-nothing'));

  it('counts the latest correction as the outcome to change', () =>
    spec
      .given([formalCheck(true), decided('SubmissionRejected'), ...correctedTo('waitlisted')])
      .when(correct({ outcome: 'waitlisted' }))
      .thenThrows(CorrectionChangesNothing));

  it('refuses to correct a formally failed submission to selected', () =>
    spec
      .given([formalCheck(false), decided('SubmissionRejected')])
      .when(correct())
      .thenThrows(FormalCheckNotPassed, 'formal-check-not-passed'));

  it('refuses any correction once the grant notice on the selection was issued', () =>
    spec
      .given([formalCheck(true), decided('SubmissionWaitlisted'), ...correctedTo('selected')])
      .when(correct({ outcome: 'rejected', issuedGrantId: 'kkz.phase-1.05978000' }))
      .thenThrows(GrantAlreadyIssued, 'grant-already-issued'));

  it('refuses a correction without reasons', () =>
    spec
      .given([formalCheck(true), decided('SubmissionRejected')])
      .when(correct({ reasons: [] }))
      .thenThrows(ReasonsRequired));
});

function correctedTo(outcome: 'waitlisted' | 'selected'): SelectionEvent[] {
  return [
    {
      type: 'SelectionDecisionCorrected',
      data: { ...identity, outcome, corrects: 'rejected', reasons: ['y'], rules: rulesV1, correctedAt: now },
    },
  ];
}
