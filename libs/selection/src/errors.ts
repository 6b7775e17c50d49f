import { DomainError, domainError } from '@app/eventsourcing';
import type { Outcome } from './selection';

export class NotSubmitted extends DomainError {
  readonly code = 'not-submitted';
  readonly kind = 'rule-violated';
  constructor(applicationId: string) {
    super(
      `Expression of interest ${applicationId} has not been submitted; only submissions are selected from.`,
      {
        applicationId,
      },
    );
  }
}

export class SelectionAlreadyDecided extends DomainError {
  readonly code = 'selection-already-decided';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, outcome: Outcome) {
    super(
      `Submission ${applicationId} has been decided (${outcome}); a made decision is never edited, record a correction instead.`,
      { applicationId, outcome },
    );
  }
}

export class FormalCheckMissing extends DomainError {
  readonly code = 'formal-check-missing';
  readonly kind = 'rule-violated';
  constructor(applicationId: string) {
    super(`Submission ${applicationId} has no formal check yet; record it before deciding.`, {
      applicationId,
    });
  }
}

export class FormalCheckNotPassed extends DomainError {
  readonly code = 'formal-check-not-passed';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, what: string) {
    super(`Submission ${applicationId} has not passed the formal check; it cannot be ${what}.`, {
      applicationId,
    });
  }
}

export class AssessmentAlreadyScored extends DomainError {
  readonly code = 'assessment-already-scored';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, assessor: string) {
    super(`${assessor} has already scored submission ${applicationId}; revise that assessment instead.`, {
      applicationId,
      assessor,
    });
  }
}

export class NoAssessmentToRevise extends DomainError {
  readonly code = 'no-assessment-to-revise';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, assessor: string) {
    super(`${assessor} has not scored submission ${applicationId} yet; score it first.`, {
      applicationId,
      assessor,
    });
  }
}

export class UnknownCriterion extends DomainError {
  readonly code = 'unknown-criterion';
  readonly kind = 'rule-violated';
  constructor(criterionId: string, known: string[]) {
    super(`The call has no assessment criterion ${criterionId}; its criteria are ${known.join(', ')}.`, {
      criterionId,
      criteria: known,
    });
  }
}

export class CriterionScoredTwice extends DomainError {
  readonly code = 'criterion-scored-twice';
  readonly kind = 'rule-violated';
  constructor(criterionId: string) {
    super(`Criterion ${criterionId} is scored twice in one assessment.`, { criterionId });
  }
}

export class CriterionNotScored extends DomainError {
  readonly code = 'criterion-not-scored';
  readonly kind = 'rule-violated';
  constructor(missing: string[]) {
    super(`An assessment scores every criterion of the call; missing: ${missing.join(', ')}.`, { missing });
  }
}

export class ScoreOutOfRange extends DomainError {
  readonly code = 'score-out-of-range';
  readonly kind = 'rule-violated';
  constructor(criterionId: string, score: number) {
    super(`Criterion ${criterionId} is scored ${score}; scores are whole numbers from 0 to 10.`, {
      criterionId,
      score,
    });
  }
}

export class ReasonsRequired extends DomainError {
  readonly code = 'reasons-required';
  readonly kind = 'rule-violated';
  constructor() {
    super('A selection decision or its correction states at least one reason.');
  }
}

export class NoFundingTier extends DomainError {
  readonly code = 'no-funding-tier';
  readonly kind = 'rule-violated';
  constructor(ags: string, population: number) {
    super(
      `No funding tier of the call covers ${population} inhabitants (${ags}); no amount follows from it.`,
      {
        ags,
        population,
      },
    );
  }
}

export class NoDecisionToCorrect extends DomainError {
  readonly code = 'no-decision-to-correct';
  readonly kind = 'rule-violated';
  constructor(applicationId: string) {
    super(`Submission ${applicationId} has no decision yet; there is nothing to correct.`, { applicationId });
  }
}

export class CorrectionChangesNothing extends DomainError {
  readonly code = 'correction-changes-nothing';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, outcome: Outcome) {
    super(`Submission ${applicationId} is already ${outcome}; a correction changes the outcome.`, {
      applicationId,
      outcome,
    });
  }
}

export class RulesVersionUnknown extends DomainError {
  readonly code = 'rules-version-unknown';
  readonly kind = 'conflict';
  constructor(applicationId: string, version: number) {
    super(
      `Submission ${applicationId} was decided under programme rules version ${version}, which the programme does not hold.`,
      { applicationId, version },
    );
  }
}

export class CallStillOpen extends DomainError {
  readonly code = 'call-still-open';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, callId: string, closesAt: string) {
    super(
      `Call ${callId} is open until ${closesAt}; submission ${applicationId} is checked and decided after it closes, with all submissions in view.`,
      { applicationId, callId, closesAt },
    );
  }
}

export class GrantAlreadyIssued extends DomainError {
  readonly code = 'grant-already-issued';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, grantId: string) {
    super(
      `The grant notice ${grantId} has been issued on the selection of ${applicationId}; the selection can no longer be corrected (revoke the grant instead).`,
      { applicationId, grantId },
    );
  }
}

export const ParticipantCapReached = domainError(
  'participant-cap-reached',
  'rule-violated',
  (d: { callId: string; max: number; selected: number }) => ({
    de: `Der Aufruf ${d.callId} lässt höchstens ${d.max} Teilnehmende zu, ${d.selected} sind bereits ausgewählt; eine weitere Auswahl braucht eine begründete Überschreitung (limitOverride).`,
    en: `Call ${d.callId} takes at most ${d.max} participants and ${d.selected} are selected; another selection needs a stated override (limitOverride).`,
  }),
);

export const BudgetExceeded = domainError(
  'budget-exceeded',
  'rule-violated',
  (d: { callId: string; budgetCents: number; committedCents: number; amountCents: number }) => ({
    de: `Das Budget des Aufrufs ${d.callId} (${euro(d.budgetCents)}) reicht nicht: ${euro(d.committedCents)} sind gebunden, diese Auswahl brächte ${euro(d.amountCents)} dazu; eine Überschreitung braucht eine Begründung (limitOverride).`,
    en: `The budget of call ${d.callId} (${d.budgetCents / 100} EUR) does not suffice: ${d.committedCents / 100} EUR are committed and this selection adds ${d.amountCents / 100} EUR; exceeding it needs a stated override (limitOverride).`,
  }),
);

const EURO = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
function euro(cents: number): string {
  return EURO.format(cents / 100);
}
