import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  AlreadySubmitted,
  CallNotOpen,
  CoordinatorMissing,
  CouncilResolutionMissing,
  CouncilResolutionStatementMissing,
  ExpressionOfInterestIncomplete,
  SubmissionAfterDeadline,
} from '../errors';
import {
  bruecken,
  call2011,
  confirmed,
  drafted,
  draftedInviting,
  kamen,
  lapsed,
  luenen,
} from '../testing-fixtures';
import {
  type RulesAtSubmission,
  submitExpressionOfInterestDecider,
} from './submit-expression-of-interest.decide';

const spec = deciderSpecification(submitExpressionOfInterestDecider);
const callTermsOnly = { version: 0, effectiveFrom: null };
/** Under no programme rules version, the call's own conditions decide (version 0). */
const submit = (now: string, call = call2011(), rules?: RulesAtSubmission) => ({
  applicationId: 'kkz-2011.05978000',
  call,
  rules: rules ?? { conditions: call.conditions, applied: callTermsOnly },
  now,
});
const phaseTwo: RulesAtSubmission = {
  conditions: { councilResolution: 'required-at-submission', coordinatorRequired: true },
  applied: { version: 2, effectiveFrom: '2011-12-10' },
};

describe('submit an expression of interest', () => {
  it('accepts a complete submission before the closing date', () =>
    spec
      .given([drafted()])
      .when(submit('2011-12-15T22:59:59.999Z'))
      .then([
        {
          type: 'ExpressionOfInterestSubmitted',
          data: {
            applicationId: 'kkz-2011.05978000',
            callId: 'kkz-2011',
            submittedAt: '2011-12-15T22:59:59.999Z',
            rules: callTermsOnly,
          },
        },
      ]));

  it('lets invitations still open lapse with the submission: only confirmed members are bound by it', () =>
    spec
      .given([...draftedInviting(kamen, luenen), confirmed(kamen)])
      .when(submit('2011-12-15T22:59:59.999Z'))
      .then([
        {
          type: 'ExpressionOfInterestSubmitted',
          data: {
            applicationId: 'kkz-2011.05978000',
            callId: 'kkz-2011',
            submittedAt: '2011-12-15T22:59:59.999Z',
            rules: callTermsOnly,
          },
        },
        lapsed(luenen),
      ]));

  it('records the programme rules version the submission was decided under', () =>
    spec
      .given([drafted(bruecken({ councilResolution: { status: 'adopted', date: '2011-12-08' } }))])
      .when(submit('2011-12-12T10:00:00.000Z', call2011(), phaseTwo))
      .then([
        {
          type: 'ExpressionOfInterestSubmitted',
          data: {
            applicationId: 'kkz-2011.05978000',
            callId: 'kkz-2011',
            submittedAt: '2011-12-12T10:00:00.000Z',
            rules: { version: 2, effectiveFrom: '2011-12-10' },
          },
        },
      ]));

  it('decides by the rules in force, not the call terms: a promise is not enough once a resolution is required', () =>
    spec
      .given([drafted()])
      .when(submit('2011-12-12T10:00:00.000Z', call2011(), phaseTwo))
      .thenThrows(CouncilResolutionMissing, 'council-resolution-missing'));

  it('refuses a submission after the call closed at 24:00 Berlin time', () =>
    spec
      .given([drafted()])
      .when(submit('2011-12-15T23:00:00.000Z'))
      .thenThrows(SubmissionAfterDeadline, 'submission-after-deadline'));

  it('refuses a second submission', () =>
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
      .when(submit('2011-12-11T10:00:00.000Z'))
      .thenThrows(AlreadySubmitted));

  it('names what is missing from an incomplete submission', () =>
    spec
      .given([drafted(bruecken({ goals: ' ', measures: undefined }))])
      .when(submit('2011-12-01T10:00:00.000Z'))
      .thenThrows(ExpressionOfInterestIncomplete, 'expression-of-interest-incomplete'));

  it('refuses a submission without the coordinator the call requires', () =>
    spec
      .given([drafted(bruecken({ coordinator: undefined }))])
      .when(submit('2011-12-01T10:00:00.000Z'))
      .thenThrows(CoordinatorMissing));

  it('accepts a promised resolution when it may follow after selection, not when required at submission', () => {
    const strict = call2011({
      conditions: { councilResolution: 'required-at-submission', coordinatorRequired: true },
    });
    spec
      .given([drafted()])
      .when(submit('2011-12-01T10:00:00.000Z', strict))
      .thenThrows(CouncilResolutionMissing, 'council-resolution-missing');
  });

  it('counts an array where an object belongs as missing', () =>
    spec
      .given([drafted(bruecken({ financialPlan: [] as unknown as undefined }))])
      .when(submit('2011-12-01T10:00:00.000Z'))
      .thenThrows(ExpressionOfInterestIncomplete));

  it('asks for the council resolution to be stated when it may follow after selection', () =>
    spec
      .given([drafted(bruecken({ councilResolution: undefined }))])
      .when(submit('2011-12-01T10:00:00.000Z'))
      .thenThrows(CouncilResolutionStatementMissing, 'council-resolution-statement-missing'));

  it('fails closed when the call is not published or has no readable deadline', () => {
    spec
      .given([drafted()])
      .when(submit('2011-12-01T10:00:00.000Z', call2011({ status: 'none', closesAt: '' })))
      .thenThrows(CallNotOpen);
    spec
      .given([drafted()])
      .when(submit('2011-12-01T10:00:00.000Z', call2011({ closesAt: 'never' })))
      .thenThrows(CallNotOpen, 'call-not-open');
  });
});
