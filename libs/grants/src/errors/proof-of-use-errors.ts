import { DomainError } from '@app/eventsourcing';

// Refusals of a proof of use (Verwendungsnachweis) and of its review by the grants office.

export class ProofOfUseBeforePeriodEnd extends DomainError {
  readonly code = 'proof-of-use-before-period-end';
  readonly kind = 'rule-violated';
  constructor(today: string, periodTo: string) {
    super(`The proof of use follows the funding period, which runs until ${periodTo}; today is ${today}.`, {
      today,
      periodTo,
    });
  }
}

export class ProofOfUseExists extends DomainError {
  readonly code = 'proof-of-use-exists';
  readonly kind = 'conflict';
  constructor(grantId: string, status: string, submission: number) {
    super(
      `Grant ${grantId} already has a proof of use (submission ${submission}, ${status}); a correction follows only its return.`,
      { grantId, status, submission },
    );
  }
}

export class FactualReportMissing extends DomainError {
  readonly code = 'proof-of-use-factual-report-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super('A proof of use contains the factual report (Sachbericht).');
  }
}

export class ProofOfUseBeyondGrant extends DomainError {
  readonly code = 'proof-of-use-beyond-grant';
  readonly kind = 'rule-violated';
  constructor(source: 'esf' | 'land' | 'grant', statedCents: number, grantedCents: number) {
    super(
      source === 'grant'
        ? `The public money stated (${statedCents} cents, ESF + Land) exceeds what the notice still grants after revocations, ${grantedCents} cents.`
        : `The ${source === 'esf' ? 'ESF' : 'Land'} money stated (${statedCents} cents) exceeds the notice's ${grantedCents} cents.`,
      { source, statedCents, grantedCents },
    );
  }
}

export class ProofOfUseShareExceeded extends DomainError {
  readonly code = 'proof-of-use-share-exceeded';
  readonly kind = 'rule-violated';
  constructor(
    source: 'esf' | 'land',
    statedCents: number,
    statedTotalCents: number,
    noticeCents: number,
    noticeTotalCents: number,
  ) {
    super(
      `The grant finances a fixed share of the expenditure: ${source === 'esf' ? 'ESF' : 'Land'} may be at most ${noticeCents} of ${noticeTotalCents} of the total, not ${statedCents} of ${statedTotalCents} cents. Less total expenditure means less public money.`,
      { source, statedCents, statedTotalCents, noticeCents, noticeTotalCents },
    );
  }
}

export class ProofOfUseNotAwaitingReview extends DomainError {
  readonly code = 'proof-of-use-not-awaiting-review';
  readonly kind = 'conflict';
  constructor(grantId: string, status: string) {
    super(`Grant ${grantId} has no proof of use awaiting review (${status}).`, { grantId, status });
  }
}

export class ProofOfUseRemarksMissing extends DomainError {
  readonly code = 'proof-of-use-remarks-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super('A returned proof of use says what is to be corrected.');
  }
}
