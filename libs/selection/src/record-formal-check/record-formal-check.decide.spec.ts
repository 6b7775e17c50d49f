import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { rulesInForce } from '@app/programmes-calls/rules';
import { CallStillOpen, NotSubmitted, SelectionAlreadyDecided } from '../errors';
import type { SelectionEvent } from '../selection';
import { APPLICATION_ID, call2011, formalCheck, kamen, phaseOne, unnaSubmission } from '../testing-fixtures';
import { recordFormalCheckDecider, type RecordFormalCheck } from './record-formal-check.decide';

const spec = deciderSpecification(recordFormalCheckDecider);
const now = '2012-01-10T09:00:00.000Z';
const check = (overrides: Partial<RecordFormalCheck> = {}): RecordFormalCheck => ({
  submission: unnaSubmission(),
  officeReasons: [],
  now,
  ...overrides,
});

function recorded(
  command: RecordFormalCheck,
): Extract<SelectionEvent, { type: 'FormalCheckRecorded' }>['data'] {
  const [event] = recordFormalCheckDecider.decide(command, recordFormalCheckDecider.initialState());
  if (event.type !== 'FormalCheckRecorded') throw new Error(`unexpected ${event.type}`);
  return event.data;
}

describe('record the formal check of a submission', () => {
  it('passes Kreis Unna in 2011: on time, eligible, resolution promised under phase I, coordinator named', () => {
    const data = recorded(check({ officeReasons: ['  Unterlagen vollständig  '] }));
    expect(data).toMatchObject({
      applicationId: APPLICATION_ID,
      callId: 'kkz-2011',
      checks: {
        onTime: true,
        eligibleApplicantType: true,
        councilResolution: 'promised',
        coordinatorNamed: true,
      },
      passed: true,
      rules: { version: 1, effectiveFrom: '2011-11-01' },
      checkedAt: now,
    });
    expect(data.reasons).toHaveLength(5);
    expect(data.reasons[2]).toMatch(/zugesagt.*05978000, 05978020, 05978024/);
    expect(data.reasons[4]).toBe('Unterlagen vollständig');
  });

  it('finds the resolution present once every council named has committed', () =>
    expect(
      recorded(
        check({
          submission: unnaSubmission({
            committingResolutions: [
              { ags: '05978000', resultDate: '2011-12-01' },
              { ags: '05978020', resultDate: '2011-12-01' },
              { ags: '05978024', resultDate: '2011-12-01' },
            ],
          }),
        }),
      ).checks.councilResolution,
    ).toBe('present'));

  it('fails a submission recorded after the call closed (e.g. under a granted exception)', () => {
    const data = recorded(check({ submission: unnaSubmission({ submittedAt: '2011-12-15T23:00:00.000Z' }) }));
    expect(data.checks.onTime).toBe(false);
    expect(data.passed).toBe(false);
    expect(data.reasons[0]).toMatch(/nach Ablauf der Frist \(15\.12\.2011, 24:00 Uhr\)/);
  });

  it('fails a member of a type the call does not admit', () => {
    const submission = unnaSubmission({
      call: { ...unnaSubmission().call, eligibleApplicantTypes: ['kreis', 'kreisfreie-stadt'] },
    });
    const data = recorded(check({ submission }));
    expect(data.checks.eligibleApplicantType).toBe(false);
    expect(data.passed).toBe(false);
    expect(data.reasons[1]).toContain(`${kamen.name} (kreisangehörige Stadt)`);
  });

  it('fails a promise where the rules in force at submission required the resolution (phase II)', () => {
    const phaseTwo = {
      ...phaseOne,
      version: 2,
      effectiveFrom: '2011-12-01',
      rules: { ...phaseOne.rules, councilResolution: 'required-at-submission' as const },
    };
    const submission = unnaSubmission({
      rules: rulesInForce([phaseOne, phaseTwo], call2011, '2011-12-14T10:00:00.000Z'),
    });
    const data = recorded(check({ submission }));
    expect(data).toMatchObject({
      checks: { councilResolution: 'promised' },
      passed: false,
      rules: { version: 2 },
    });
  });

  it('counts a resolution adopted after the submission as missing where the rules required it at submission', () => {
    const phaseTwo = {
      ...phaseOne,
      version: 2,
      effectiveFrom: '2011-12-01',
      rules: { ...phaseOne.rules, councilResolution: 'required-at-submission' as const },
    };
    const submittedAt = '2011-12-14T10:00:00.000Z';
    const adoptedOn = (kamenDate: string) =>
      unnaSubmission({
        rules: rulesInForce([phaseOne, phaseTwo], call2011, submittedAt),
        resolutionStatement: 'adopted',
        committingResolutions: [
          { ags: '05978000', resultDate: '2011-11-28' },
          { ags: '05978020', resultDate: kamenDate },
          { ags: '05978024', resultDate: '2011-12-14' },
        ],
      });
    const late = recorded(check({ submission: adoptedOn('2011-12-15') }));
    expect(late).toMatchObject({ checks: { councilResolution: 'missing' }, passed: false });
    expect(late.reasons[2]).toMatch(/bis zur Einreichung erfasst für 05978020/);
    expect(late.reasons[2]).toMatch(
      /nach der Einreichung am 14\.12\.2011 gefasst.*05978020 \(15\.12\.2011\)/,
    );
    // Adopted on the day of submission (Berlin) counts.
    expect(recorded(check({ submission: adoptedOn('2011-12-14') }))).toMatchObject({
      checks: { councilResolution: 'present' },
      passed: true,
    });
    // Where it may follow after selection, a later resolution counts as well.
    const phaseOneLate = unnaSubmission({
      committingResolutions: [
        { ags: '05978000', resultDate: '2012-01-05' },
        { ags: '05978020', resultDate: '2012-01-05' },
        { ags: '05978024', resultDate: '2012-01-05' },
      ],
    });
    expect(recorded(check({ submission: phaseOneLate })).checks.councilResolution).toBe('present');
  });

  it('refuses to check while the call is still open', () =>
    spec
      .given([])
      .when(check({ now: '2011-12-15T22:00:00.000Z' }))
      .thenThrows(CallStillOpen, 'call-still-open'));

  it('counts a resolution stated as adopted but not recorded as missing', () => {
    const data = recorded(check({ submission: unnaSubmission({ resolutionStatement: 'adopted' }) }));
    expect(data.checks.councilResolution).toBe('missing');
    expect(data.passed).toBe(false);
  });

  it('fails a submission without the coordinator the rules require, and not where none is required', () => {
    expect(recorded(check({ submission: unnaSubmission({ coordinatorName: ' ' }) })).passed).toBe(false);
    const relaxed = rulesInForce(
      [{ ...phaseOne, rules: { ...phaseOne.rules, coordinatorRequired: false } }],
      call2011,
      '2011-12-14',
    );
    const data = recorded(
      check({ submission: unnaSubmission({ coordinatorName: undefined, rules: relaxed }) }),
    );
    expect(data).toMatchObject({ checks: { coordinatorNamed: false }, passed: true });
  });

  it('may be repeated before the decision', () =>
    spec
      .given([formalCheck(false)])
      .when(check())
      .then(recordFormalCheckDecider.decide(check(), recordFormalCheckDecider.initialState())));

  it('refuses a check after the decision', () =>
    spec
      .given([
        formalCheck(true),
        {
          type: 'SubmissionRejected',
          data: {
            applicationId: APPLICATION_ID,
            callId: 'kkz-2011',
            programmeId: 'kkz',
            ags: '05978000',
            reasons: ['x'],
            rules: { version: 1, effectiveFrom: '2011-11-01' },
            decidedAt: now,
          },
        },
      ])
      .when(check())
      .thenThrows(SelectionAlreadyDecided, 'selection-already-decided'));

  it('refuses an expression of interest that was not submitted, and answers not found for none', () => {
    spec
      .given([])
      .when(check({ submission: { status: 'draft', applicationId: APPLICATION_ID } }))
      .thenThrows(NotSubmitted, 'not-submitted');
    spec
      .given([])
      .when(check({ submission: { status: 'none', applicationId: APPLICATION_ID } }))
      .thenThrows(NotFound, 'not-found');
  });
});
