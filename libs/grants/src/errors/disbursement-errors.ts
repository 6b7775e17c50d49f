import { DomainError, germanDate } from '@app/eventsourcing';
import { euro } from './words';

// Refusals of disbursement requests and payments (Mittelabruf, Auszahlung).

export class GrantFullyRevoked extends DomainError {
  readonly code = 'grant-revoked';
  readonly kind = 'rule-violated';
  constructor(grantId: string) {
    super(
      {
        de: `Die Zuwendung ${grantId} ist vollständig widerrufen; es können keine Mittel mehr abgerufen oder ausgezahlt werden, kein weiterer Widerruf ist möglich und kein Verwendungsnachweis wird angenommen.`,
        en: `Grant ${grantId} has been revoked in full; nothing more can be called, paid or revoked, and no proof of use is taken.`,
      },
      { grantId },
    );
  }
}

export class DisbursementAmountNotPositive extends DomainError {
  readonly code = 'disbursement-amount-not-positive';
  readonly kind = 'rule-violated';
  constructor(amountCents: number) {
    super(
      {
        de: `Ein Mittelabruf muss über einen Betrag größer als 0 € lauten, nicht über ${euro(amountCents)}.`,
        en: `A disbursement must be for a positive amount, not ${amountCents} cents.`,
      },
      { amountCents },
    );
  }
}

export class DisbursementDueDatePassed extends DomainError {
  readonly code = 'disbursement-due-date-passed';
  readonly kind = 'rule-violated';
  constructor(dueDate: string, requestDate: string) {
    super(
      {
        de: `Mittel werden nur für noch zu leistende Zahlungen abgerufen; der Fälligkeitstag ${germanDate(dueDate)} liegt vor dem Tag des Abrufs (${germanDate(requestDate)}).`,
        en: `Funds are called for payments still to be made; ${dueDate} lies before the request (${requestDate}).`,
      },
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
      {
        de: `Mittel dürfen nur für Zahlungen abgerufen werden, die innerhalb von ${windowMonths} Monaten fällig werden, also bis zum ${germanDate(latestDueDate)}; der ${germanDate(dueDate)} ist zu spät.`,
        en: `Funds may be called only for payments due within ${windowMonths} months, i.e. by ${latestDueDate}; ${dueDate} is too late.`,
      },
      { dueDate, latestDueDate, windowMonths },
    );
  }
}

export class DisbursementOutsidePeriod extends DomainError {
  readonly code = 'disbursement-outside-period';
  readonly kind = 'rule-violated';
  constructor(dueDate: string, from: string, to: string) {
    super(
      {
        de: `Zahlungen müssen in den Bewilligungszeitraum vom ${germanDate(from)} bis ${germanDate(to)} fallen; der ${germanDate(dueDate)} liegt außerhalb.`,
        en: `Payments must fall within the funding period ${from} to ${to}; ${dueDate} does not.`,
      },
      {
        dueDate,
        from,
        to,
      },
    );
  }
}

export class DisbursementBeyondGrant extends DomainError {
  readonly code = 'disbursement-beyond-grant';
  readonly kind = 'rule-violated';
  constructor(amountCents: number, remainingCents: number) {
    super(
      {
        de: `Von der Zuwendung können nur noch ${euro(remainingCents)} abgerufen werden; ${euro(amountCents)} sind zu viel.`,
        en: `Only ${remainingCents} cents of the grant remain to be called; ${amountCents} cents is too much.`,
      },
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
    super(
      {
        de: `Der Mittelabruf ${disbursementId} wurde bereits am ${germanDate(paidOn)} ausgezahlt.`,
        en: `Disbursement ${disbursementId} was paid on ${paidOn}.`,
      },
      { disbursementId, paidOn },
    );
  }
}

export class PaymentDateInvalid extends DomainError {
  readonly code = 'payment-date-invalid';
  readonly kind = 'rule-violated';
  constructor(paidOn: string, requestDate: string, today: string) {
    super(
      {
        de: `Eine Auszahlung erfolgt zwischen dem Mittelabruf (${germanDate(requestDate)}) und heute (${germanDate(today)}), nicht am ${germanDate(paidOn)}.`,
        en: `A payment is made between the request (${requestDate}) and today (${today}), not on ${paidOn}.`,
      },
      {
        paidOn,
        requestDate,
        today,
      },
    );
  }
}

export class PaymentBeyondEntitlement extends DomainError {
  readonly code = 'payment-beyond-entitlement';
  readonly kind = 'rule-violated';
  constructor(amountCents: number, remainingCents: number) {
    super(
      {
        de: `Nach dem Widerruf dürfen nur noch ${euro(remainingCents)} ausgezahlt werden, nicht ${euro(amountCents)}.`,
        en: `After revocation only ${remainingCents} cents may still be paid out, not ${amountCents}.`,
      },
      {
        amountCents,
        remainingCents,
      },
    );
  }
}
