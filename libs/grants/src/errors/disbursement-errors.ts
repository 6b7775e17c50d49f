import { DomainError } from '@app/eventsourcing';

// Refusals of disbursement requests and payments (Mittelabruf, Auszahlung).

export class GrantFullyRevoked extends DomainError {
  readonly code = 'grant-revoked';
  readonly kind = 'rule-violated';
  constructor(grantId: string) {
    super(
      `Grant ${grantId} has been revoked in full; nothing more can be called, paid or revoked, and no proof of use is taken.`,
      { grantId },
    );
  }
}

export class DisbursementAmountNotPositive extends DomainError {
  readonly code = 'disbursement-amount-not-positive';
  readonly kind = 'rule-violated';
  constructor(amountCents: number) {
    super(`A disbursement must be for a positive amount, not ${amountCents} cents.`, { amountCents });
  }
}

export class DisbursementDueDatePassed extends DomainError {
  readonly code = 'disbursement-due-date-passed';
  readonly kind = 'rule-violated';
  constructor(dueDate: string, requestDate: string) {
    super(
      `Funds are called for payments still to be made; ${dueDate} lies before the request (${requestDate}).`,
      {
        dueDate,
        requestDate,
      },
    );
  }
}

export class DisbursementBeyondWindow extends DomainError {
  readonly code = 'disbursement-beyond-window';
  readonly kind = 'rule-violated';
  constructor(dueDate: string, latestDueDate: string, windowMonths: number) {
    super(
      `Funds may be called only for payments due within ${windowMonths} months, i.e. by ${latestDueDate}; ${dueDate} is too late.`,
      { dueDate, latestDueDate, windowMonths },
    );
  }
}

export class DisbursementOutsidePeriod extends DomainError {
  readonly code = 'disbursement-outside-period';
  readonly kind = 'rule-violated';
  constructor(dueDate: string, from: string, to: string) {
    super(`Payments must fall within the funding period ${from} to ${to}; ${dueDate} does not.`, {
      dueDate,
      from,
      to,
    });
  }
}

export class DisbursementBeyondGrant extends DomainError {
  readonly code = 'disbursement-beyond-grant';
  readonly kind = 'rule-violated';
  constructor(amountCents: number, remainingCents: number) {
    super(
      `Only ${remainingCents} cents of the grant remain to be called; ${amountCents} cents is too much.`,
      {
        amountCents,
        remainingCents,
      },
    );
  }
}

export class DisbursementAlreadyPaid extends DomainError {
  readonly code = 'disbursement-already-paid';
  readonly kind = 'conflict';
  constructor(disbursementId: string, paidOn: string) {
    super(`Disbursement ${disbursementId} was paid on ${paidOn}.`, { disbursementId, paidOn });
  }
}

export class PaymentDateInvalid extends DomainError {
  readonly code = 'payment-date-invalid';
  readonly kind = 'rule-violated';
  constructor(paidOn: string, requestDate: string, today: string) {
    super(`A payment is made between the request (${requestDate}) and today (${today}), not on ${paidOn}.`, {
      paidOn,
      requestDate,
      today,
    });
  }
}

export class PaymentBeyondEntitlement extends DomainError {
  readonly code = 'payment-beyond-entitlement';
  readonly kind = 'rule-violated';
  constructor(amountCents: number, remainingCents: number) {
    super(`After revocation only ${remainingCents} cents may still be paid out, not ${amountCents}.`, {
      amountCents,
      remainingCents,
    });
  }
}
