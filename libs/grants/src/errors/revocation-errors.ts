import { DomainError } from '@app/eventsourcing';

// Refusals of a revocation (Widerruf) and its refund interest.

export class RevocationReasonMissing extends DomainError {
  readonly code = 'revocation-reason-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super('A revocation states its reason.');
  }
}

export class RevokedAmountInvalid extends DomainError {
  readonly code = 'revoked-amount-invalid';
  readonly kind = 'rule-violated';
  constructor(scope: string) {
    super(
      scope === 'partial'
        ? 'A partial revocation names the revoked amount (revokedCents > 0).'
        : 'A full revocation revokes everything left; leave revokedCents out or give exactly that.',
      { scope },
    );
  }
}

export class RevocationExceedsEntitlement extends DomainError {
  readonly code = 'revocation-exceeds-entitlement';
  readonly kind = 'rule-violated';
  constructor(revokedCents: number, entitlementCents: number) {
    super(
      `A partial revocation takes less than the ${entitlementCents} cents still granted, not ${revokedCents}; revoke in full instead.`,
      {
        revokedCents,
        entitlementCents,
      },
    );
  }
}

export class RevocationBeforeNotice extends DomainError {
  readonly code = 'revocation-before-notice';
  readonly kind = 'rule-violated';
  constructor(effectiveDate: string, issuedOn: string) {
    super(
      `The notice was issued on ${issuedOn}; a revocation cannot take effect before, on ${effectiveDate}.`,
      {
        effectiveDate,
        issuedOn,
      },
    );
  }
}

export class RefundDueDateInvalid extends DomainError {
  readonly code = 'refund-due-date-invalid';
  readonly kind = 'rule-violated';
  constructor(refundDueDate: string, earliest: string) {
    super(`The refund can be due on ${earliest} at the earliest, not on ${refundDueDate}.`, {
      refundDueDate,
      earliest,
    });
  }
}

export class BaseRateUnknown extends DomainError {
  readonly code = 'base-rate-unknown';
  readonly kind = 'rule-violated';
  constructor(date: string, source: string) {
    super(`The base-rate table (${source}) has no rate for ${date}; update it (BASE_RATE_TABLE_FILE).`, {
      date,
      source,
    });
  }
}

export class NoRefundOutstanding extends DomainError {
  readonly code = 'no-refund-outstanding';
  readonly kind = 'rule-violated';
  constructor(grantId: string) {
    super(`No refund is outstanding on grant ${grantId}: no revocation claimed one, or it was paid back.`, {
      grantId,
    });
  }
}

export class RefundPaymentExceedsOutstanding extends DomainError {
  readonly code = 'refund-payment-exceeds-outstanding';
  readonly kind = 'rule-violated';
  constructor(amountCents: number, outstandingCents: number) {
    super(`${amountCents} cents paid back, but only ${outstandingCents} cents of refund are outstanding.`, {
      amountCents,
      outstandingCents,
    });
  }
}

export class RefundPaymentDateInvalid extends DomainError {
  readonly code = 'refund-payment-date-invalid';
  readonly kind = 'rule-violated';
  constructor(paidOn: string, earliest: string, today: string) {
    super(
      `A refund paid on ${paidOn} cannot be recorded: it settles a refund claimed on ${earliest}, and today is ${today}.`,
      { paidOn, earliest, today },
    );
  }
}
