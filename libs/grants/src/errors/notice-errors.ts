import { DomainError } from '@app/eventsourcing';

// Refusals of a grant notice (Zuwendungsbescheid).

export class NoticeBasisInvalid extends DomainError {
  readonly code = 'notice-basis-invalid';
  readonly kind = 'invalid';
  constructor() {
    super(
      'A grant notice follows either a selection (applicationId) or a previous grant (continuationOf): name exactly one.',
    );
  }
}

export class ApplicantNotSelected extends DomainError {
  readonly code = 'applicant-not-selected';
  readonly kind = 'rule-violated';
  constructor(applicationId: string, outcome: string) {
    super(
      `Application ${applicationId} has not been selected (${outcome}); a grant notice needs a selection.`,
      {
        applicationId,
        outcome,
      },
    );
  }
}

export class GranteeNotSelectedApplicant extends DomainError {
  readonly code = 'grantee-not-selected-applicant';
  readonly kind = 'rule-violated';
  constructor(ags: string, selectedAgs: string) {
    super(
      `The selection was made for ${selectedAgs}, the lead applicant; a notice for ${ags} cannot rest on it.`,
      {
        ags,
        selectedAgs,
      },
    );
  }
}

export class PhaseNotOfCall extends DomainError {
  readonly code = 'phase-not-of-call';
  readonly kind = 'rule-violated';
  constructor(phase: number, callPhase: number) {
    super(
      `The selection was made in a call for phase ${callPhase}; it cannot ground a phase-${phase} notice.`,
      {
        phase,
        callPhase,
      },
    );
  }
}

export class ContinuationRequired extends DomainError {
  readonly code = 'continuation-required';
  readonly kind = 'rule-violated';
  constructor(previousGrantId: string) {
    super(
      `The municipality holds grant ${previousGrantId} of the previous phase: it continues by a continuation notice, not by the new call.`,
      {
        previousGrantId,
      },
    );
  }
}

export class ContinuedGrantUnknown extends DomainError {
  readonly code = 'continued-grant-unknown';
  readonly kind = 'rule-violated';
  constructor(grantId: string) {
    super(`There is no grant ${grantId} to continue.`, { continuationOf: grantId });
  }
}

export class ContinuedGrantRevoked extends DomainError {
  readonly code = 'continued-grant-revoked';
  readonly kind = 'rule-violated';
  constructor(grantId: string) {
    super(`Grant ${grantId} has been revoked in full; it cannot be continued.`, { continuationOf: grantId });
  }
}

export class ContinuationOfOtherMunicipality extends DomainError {
  readonly code = 'continuation-of-other-municipality';
  readonly kind = 'rule-violated';
  constructor(ags: string, grantAgs: string) {
    super(`The grant to continue belongs to ${grantAgs}, not to ${ags}.`, { ags, grantAgs });
  }
}

export class ContinuationPhaseMismatch extends DomainError {
  readonly code = 'continuation-phase-mismatch';
  readonly kind = 'rule-violated';
  constructor(phase: number, continuedPhase: number) {
    super(
      `A continuation of a phase-${continuedPhase} grant is a phase-${continuedPhase + 1} notice, not phase ${phase}.`,
      {
        phase,
        continuedPhase,
      },
    );
  }
}

export class ContinuationPeriodOverlaps extends DomainError {
  readonly code = 'continuation-period-overlaps';
  readonly kind = 'rule-violated';
  constructor(from: string, continuedTo: string) {
    super(
      `The continuation must start after the continued grant's period ended (${continuedTo}), not on ${from}.`,
      {
        from,
        continuedTo,
      },
    );
  }
}

export class RulesVersionUnknown extends DomainError {
  readonly code = 'rules-version-unknown';
  readonly kind = 'rule-violated';
  constructor(version: number) {
    super(`The selection names programme rules version ${version}, which the programme does not know.`, {
      version,
    });
  }
}

export class GrantNoticeExists extends DomainError {
  readonly code = 'grant-notice-exists';
  readonly kind = 'conflict';
  constructor(grantId: string) {
    super(`A grant notice ${grantId} has already been issued for this municipality and phase.`, { grantId });
  }
}

export class AmountRequired extends DomainError {
  readonly code = 'amount-required';
  readonly kind = 'rule-violated';
  constructor() {
    super('State the amount: without a selection there is no amount to take over.');
  }
}

export class AmountNotPositive extends DomainError {
  readonly code = 'amount-not-positive';
  readonly kind = 'rule-violated';
  constructor(amountCents: number) {
    super(`A grant's amount must be positive, not ${amountCents} cents.`, { amountCents });
  }
}

export class AmountAboveSelection extends DomainError {
  readonly code = 'amount-above-selection';
  readonly kind = 'rule-violated';
  constructor(amountCents: number, selectedCents: number) {
    super(`The notice may grant at most the selected ${selectedCents} cents, not ${amountCents}.`, {
      amountCents,
      selectedCents,
    });
  }
}

export class FinancingDoesNotAddUp extends DomainError {
  readonly code = 'financing-does-not-add-up';
  readonly kind = 'rule-violated';
  constructor(sumCents: number, amountCents: number) {
    super(
      `ESF and Land add up to ${sumCents} cents; together they are the grant and must equal its amount, ${amountCents} cents (own funds come on top).`,
      {
        sumCents,
        amountCents,
      },
    );
  }
}

export class EsfShareExceeded extends DomainError {
  readonly code = 'esf-share-exceeded';
  readonly kind = 'rule-violated';
  constructor(maxPercent: number, esfCents: number, totalEligibleCents: number) {
    super(
      `The ESF share may be at most ${maxPercent} % of the eligible total expenditure (ESF + Land + own funds), not ${esfCents} of ${totalEligibleCents} cents.`,
      { maxPercent, esfCents, totalEligibleCents },
    );
  }
}

export class LandShareExceeded extends DomainError {
  readonly code = 'land-share-exceeded';
  readonly kind = 'rule-violated';
  constructor(maxPercent: number, landCents: number, totalEligibleCents: number) {
    super(
      `The Land's share may be at most ${maxPercent} % of the eligible total expenditure (ESF + Land + own funds), not ${landCents} of ${totalEligibleCents} cents.`,
      { maxPercent, landCents, totalEligibleCents },
    );
  }
}

export class OwnShareTooLow extends DomainError {
  readonly code = 'own-share-too-low';
  readonly kind = 'rule-violated';
  constructor(minPercent: number, ownCents: number, totalEligibleCents: number) {
    super(
      `The municipality's own funds must be at least ${minPercent} % of the eligible total expenditure (ESF + Land + own funds), not ${ownCents} of ${totalEligibleCents} cents.`,
      { minPercent, ownCents, totalEligibleCents },
    );
  }
}

export class GrantPeriodInvalid extends DomainError {
  readonly code = 'grant-period-invalid';
  readonly kind = 'rule-violated';
  constructor(from: string, to: string) {
    super(`The funding period must end after it starts, not ${from} to ${to}.`, { from, to });
  }
}

export class CoordinatorMissing extends DomainError {
  readonly code = 'coordinator-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super('A grant notice names the coordinator (Koordinatorin/Koordinator).');
  }
}
