import type { Upcaster } from '@app/eventsourcing';

/** The rules an application was decided under; version 0: the call's own terms. */
interface AppliedRules {
  version: number;
  effectiveFrom: string | null;
}

/** Schema version 1 of ExpressionOfInterestSubmitted, as written before programme rules existed. */
interface ExpressionOfInterestSubmittedV1 {
  applicationId: string;
  callId: string;
  submittedAt: string;
  rules?: AppliedRules;
}

/** Schema version 2: the submission records which version of the programme's rules applies. */
interface ExpressionOfInterestSubmittedV2 extends ExpressionOfInterestSubmittedV1 {
  rules: AppliedRules;
}

/**
 * Submissions of 2011 were decided under the call's own terms: no versioned programme rules were
 * in force, which is what version 0 says. A v1 event that already carries rules (written by
 * today's code before its version was stamped) keeps them.
 */
export const expressionOfInterestSubmittedV1ToV2: Upcaster<
  ExpressionOfInterestSubmittedV1,
  ExpressionOfInterestSubmittedV2
> = {
  type: 'ExpressionOfInterestSubmitted',
  fromVersion: 1,
  upcast: (data) => ({ ...data, rules: data.rules ?? { version: 0, effectiveFrom: null } }),
};

export const applicationUpcasters: Upcaster[] = [expressionOfInterestSubmittedV1ToV2 as Upcaster];
