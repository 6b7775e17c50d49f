import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import type { ProgrammeRulesVersion } from '@app/programmes-calls';
import {
  TermsAlreadyApplied,
  TermsCorrectionBeforeSubmission,
  TermsCorrectionReasonMissing,
  TermsVersionUnknown,
} from '../errors';
import { drafted, submitted } from '../testing-fixtures';
import { correctSubmissionTermsDecider } from './correct-submission-terms.decide';

const spec = deciderSpecification(correctSubmissionTermsDecider);
const version = (n: number, effectiveFrom: string) =>
  ({ programmeId: 'kkz', version: n, effectiveFrom, rules: {} }) as unknown as ProgrammeRulesVersion;
const VERSIONS = [version(1, '2011-11-01'), version(2, '2011-12-10')];
const correct = (n: number, reason = 'Fassung 2 galt schon bei Einreichung') => ({
  applicationId: 'kkz-2011.05978000',
  programmeId: 'kkz',
  version: n,
  reason,
  versions: VERSIONS,
  now: '2012-01-10T09:00:00.000Z',
});
const correction = (from: { version: number; effectiveFrom: string | null }, to: number) => ({
  type: 'SubmissionTermsCorrected' as const,
  data: {
    applicationId: 'kkz-2011.05978000',
    callId: 'kkz-2011',
    from,
    to: { version: to, effectiveFrom: VERSIONS[to - 1].effectiveFrom },
    reason: 'Fassung 2 galt schon bei Einreichung',
    correctedAt: '2012-01-10T09:00:00.000Z',
  },
});

describe('correct the terms a submission is decided under', () => {
  it('names the version applied until now and the one from now on, with the reason trimmed', () =>
    spec
      .given([drafted(), submitted()])
      .when(correct(2, '  Fassung 2 galt schon bei Einreichung \n'))
      .then([correction({ version: 0, effectiveFrom: null }, 2)]));

  it('corrects a correction: from is the version the last one named', () =>
    spec
      .given([drafted(), submitted(), correction({ version: 0, effectiveFrom: null }, 2)])
      .when(correct(1))
      .then([correction({ version: 2, effectiveFrom: '2011-12-10' }, 1)]));

  it('refuses the version already applied', () =>
    spec
      .given([drafted(), submitted(), correction({ version: 0, effectiveFrom: null }, 2)])
      .when(correct(2))
      .thenThrows(TermsAlreadyApplied));

  it('refuses a version the programme has not adopted', () =>
    spec.given([drafted(), submitted()]).when(correct(3)).thenThrows(TermsVersionUnknown));

  it('refuses a draft and an unknown application', () => {
    spec.given([drafted()]).when(correct(2)).thenThrows(TermsCorrectionBeforeSubmission);
    spec.given([]).when(correct(2)).thenThrows(NotFound);
  });

  it('refuses a correction without a reason', () =>
    spec.given([drafted(), submitted()]).when(correct(2, ' \t ')).thenThrows(TermsCorrectionReasonMissing));
});
