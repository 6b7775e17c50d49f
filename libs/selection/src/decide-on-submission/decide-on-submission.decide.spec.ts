import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { rulesInForce } from '@app/programmes-calls/rules';
import {
  CallStillOpen,
  FormalCheckMissing,
  FormalCheckNotPassed,
  NoFundingTier,
  NotSubmitted,
  ReasonsRequired,
  SelectionAlreadyDecided,
} from '../errors';
import type { SelectionEvent } from '../selection';
import {
  APPLICATION_ID,
  call2011,
  formalCheck,
  phaseOne,
  rulesV1,
  unnaSubmission,
} from '../testing-fixtures';
import { type DecideOnSubmission, decideOnSubmissionDecider } from './decide-on-submission.decide';

const spec = deciderSpecification(decideOnSubmissionDecider);
const now = '2012-02-10T10:00:00.000Z';
const decide = (overrides: Partial<DecideOnSubmission> = {}): DecideOnSubmission => ({
  submission: unnaSubmission(),
  outcome: 'selected',
  reasons: ['Überzeugendes Konzept', ' '],
  population: 395000,
  now,
  ...overrides,
});
const base = {
  applicationId: APPLICATION_ID,
  callId: 'kkz-2011',
  programmeId: 'kkz',
  ags: '05978000',
  reasons: ['Überzeugendes Konzept'],
  rules: rulesV1,
  decidedAt: now,
};
const selected: SelectionEvent = {
  type: 'SubmissionSelected',
  data: {
    ...base,
    members: ['05978020', '05978024'],
    amountCents: 6_400_000,
    population: 395000,
    councilResolutionDue: { ags: ['05978000', '05978020', '05978024'], dueDate: '2012-05-10' },
  },
};

describe('decide on a submission', () => {
  it('selects Kreis Unna: 64,000 EUR for more than 200,000 inhabitants, resolutions due 90 days later', () =>
    spec
      .given([formalCheck(true)])
      .when(decide())
      .then([selected]));

  it('gives Oberhausen (210,000 inhabitants) the top tier and a town of 43,000 the lowest', () => {
    const amount = (population: number) => {
      const [event] = decideOnSubmissionDecider.decide(decide({ population }), {
        assessments: {},
        formalCheck: { passed: true },
      });
      return event.type === 'SubmissionSelected' ? event.data.amountCents : undefined;
    };
    expect(amount(210000)).toBe(6_400_000);
    expect(amount(150000)).toBe(4_800_000);
    expect(amount(43000)).toBe(3_200_000);
  });

  it('makes due only the resolutions still outstanding', () => {
    const submission = unnaSubmission({
      committingResolutions: [
        { ags: '05978000', resultDate: '2011-12-01' },
        { ags: '05978020', resultDate: '2011-12-01' },
      ],
    });
    const [event] = decideOnSubmissionDecider.decide(decide({ submission }), {
      assessments: {},
      formalCheck: { passed: true },
    });
    expect(event.type === 'SubmissionSelected' && event.data.councilResolutionDue).toEqual({
      ags: ['05978024'],
      dueDate: '2012-05-10',
    });
  });

  it('makes nothing due where the rules required the resolution at submission', () => {
    const strict = {
      ...phaseOne,
      rules: { ...phaseOne.rules, councilResolution: 'required-at-submission' as const },
    };
    const submission = unnaSubmission({
      rules: rulesInForce([strict], call2011, '2011-12-14'),
      committingResolutions: [
        { ags: '05978000', resultDate: '2011-12-01' },
        { ags: '05978020', resultDate: '2011-12-01' },
        { ags: '05978024', resultDate: '2011-12-01' },
      ],
    });
    const [event] = decideOnSubmissionDecider.decide(decide({ submission }), {
      assessments: {},
      formalCheck: { passed: true },
    });
    expect(event.type === 'SubmissionSelected' && 'councilResolutionDue' in event.data).toBe(false);
  });

  it('rejects and waitlists with reasons and the rules version', () => {
    spec
      .given([formalCheck(true)])
      .when(decide({ outcome: 'rejected' }))
      .then([{ type: 'SubmissionRejected', data: base }]);
    spec
      .given([formalCheck(true)])
      .when(decide({ outcome: 'waitlisted' }))
      .then([{ type: 'SubmissionWaitlisted', data: base }]);
  });

  it('rejects a submission that failed the formal check', () =>
    spec
      .given([formalCheck(false)])
      .when(decide({ outcome: 'rejected' }))
      .then([{ type: 'SubmissionRejected', data: base }]));

  it('refuses to select or waitlist a submission that failed the formal check', () => {
    spec
      .given([formalCheck(false)])
      .when(decide())
      .thenThrows(FormalCheckNotPassed, 'formal-check-not-passed');
    spec
      .given([formalCheck(false)])
      .when(decide({ outcome: 'waitlisted' }))
      .thenThrows(FormalCheckNotPassed);
  });

  it('refuses any decision before the formal check', () =>
    spec
      .given([])
      .when(decide({ outcome: 'rejected' }))
      .thenThrows(FormalCheckMissing, 'formal-check-missing'));

  it('refuses a second decision: corrections are new events', () =>
    spec
      .given([formalCheck(true), selected])
      .when(decide({ outcome: 'rejected' }))
      .thenThrows(SelectionAlreadyDecided, 'selection-already-decided'));

  it('refuses a decision without reasons', () =>
    spec
      .given([formalCheck(true)])
      .when(decide({ reasons: ['  '] }))
      .thenThrows(ReasonsRequired, 'reasons-required'));

  it('refuses to select where no funding tier covers the population', () => {
    const gap = {
      ...phaseOne,
      rules: { ...phaseOne.rules, fundingTiers: [{ minPopulation: 100000, amountEur: 48000 }] },
    };
    spec
      .given([formalCheck(true)])
      .when(
        decide({
          submission: unnaSubmission({ rules: rulesInForce([gap], call2011, '2011-12-14') }),
          population: 43000,
        }),
      )
      .thenThrows(NoFundingTier, 'no-funding-tier');
  });

  it('refuses to decide while the call is still open, even on a submission checked before', () => {
    spec
      .given([formalCheck(true)])
      .when(decide({ now: '2011-12-15T22:59:59.999Z' }))
      .thenThrows(CallStillOpen, 'call-still-open');
    spec
      .given([formalCheck(true)])
      .when(decide({ now: '2011-12-15T23:00:00.000Z', outcome: 'rejected' }))
      .then([{ type: 'SubmissionRejected', data: { ...base, decidedAt: '2011-12-15T23:00:00.000Z' } }]);
  });

  it('refuses a draft', () =>
    spec
      .given([formalCheck(true)])
      .when(decide({ submission: { status: 'draft', applicationId: APPLICATION_ID } }))
      .thenThrows(NotSubmitted));
});
