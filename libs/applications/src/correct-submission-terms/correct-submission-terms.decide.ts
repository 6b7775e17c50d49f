import { type Decider, NotFound } from '@app/eventsourcing';
import { CALL_TERMS_ONLY, type ProgrammeRulesVersion } from '@app/programmes-calls/rules';
import {
  TermsAlreadyApplied,
  TermsCorrectionBeforeSubmission,
  TermsCorrectionReasonMissing,
  TermsVersionUnknown,
} from '../errors';
import {
  evolveExpressionOfInterest,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
} from '../expression-of-interest';

export interface CorrectSubmissionTerms {
  applicationId: string;
  programmeId: string;
  /** The version of the programme's terms that applies from now on. */
  version: number;
  reason: string;
  /** Every version the programme has adopted, as its stream says now. */
  versions: readonly ProgrammeRulesVersion[];
  now: string;
}

/**
 * The grants office names the version of the programme's terms a submission is to be decided
 * under, with its reason: any version the programme has adopted (the one that should have
 * applied may have been adopted only after the submission), other than the one applied now.
 * The submission's own record stays as it was.
 */
export function correctSubmissionTerms(
  command: CorrectSubmissionTerms,
  state: ExpressionOfInterestState,
): ExpressionOfInterestEvent[] {
  const { applicationId, programmeId, version, versions } = command;
  if (state.status === 'none') throw new NotFound('Expression of interest', applicationId);
  if (state.status !== 'submitted') throw new TermsCorrectionBeforeSubmission({ applicationId });
  if (!command.reason.trim()) throw new TermsCorrectionReasonMissing({ applicationId });
  const target = versions.find((v) => v.version === version);
  if (!target) throw new TermsVersionUnknown({ programmeId, version, known: versions.map((v) => v.version) });
  const from = state.rules ?? CALL_TERMS_ONLY;
  if (from.version === version) throw new TermsAlreadyApplied({ applicationId, version });
  return [
    {
      type: 'SubmissionTermsCorrected',
      data: {
        applicationId,
        callId: state.callId,
        from: { ...from },
        to: { version: target.version, effectiveFrom: target.effectiveFrom },
        reason: command.reason.trim(),
        correctedAt: command.now,
      },
    },
  ];
}

export const correctSubmissionTermsDecider: Decider<
  CorrectSubmissionTerms,
  ExpressionOfInterestEvent,
  ExpressionOfInterestState
> = {
  decide: correctSubmissionTerms,
  evolve: evolveExpressionOfInterest,
  initialState: initialExpressionOfInterestState,
};
