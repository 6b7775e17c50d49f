import { DomainError, germanDate } from '@app/eventsourcing';
import { euro } from './words';

// Refusals of a revocation (Widerruf) and its refund interest.

export class RevocationReasonMissing extends DomainError {
  readonly code = 'revocation-reason-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Ein Widerruf nennt seinen Grund.',
      en: 'A revocation states its reason.',
    });
  }
}

export class RevokedAmountInvalid extends DomainError {
  readonly code = 'revoked-amount-invalid';
  readonly kind = 'rule-violated';
  constructor(scope: string) {
    super(
      scope === 'partial'
        ? {
            de: 'Ein Teilwiderruf nennt den widerrufenen Betrag (revokedCents größer als 0).',
            en: 'A partial revocation names the revoked amount (revokedCents > 0).',
          }
        : {
            de: 'Ein vollständiger Widerruf widerruft alles, was noch bewilligt ist; revokedCents bitte weglassen oder genau diesen Betrag angeben.',
            en: 'A full revocation revokes everything left; leave revokedCents out or give exactly that.',
          },
      { scope },
    );
  }
}

export class RevocationExceedsEntitlement extends DomainError {
  readonly code = 'revocation-exceeds-entitlement';
  readonly kind = 'rule-violated';
  constructor(revokedCents: number, entitlementCents: number) {
    super(
      {
        de: `Ein Teilwiderruf umfasst weniger als die noch bewilligten ${euro(entitlementCents)}, nicht ${euro(revokedCents)}; bitte stattdessen vollständig widerrufen.`,
        en: `A partial revocation takes less than the ${entitlementCents} cents still granted, not ${revokedCents}; revoke in full instead.`,
      },
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
      {
        de: `Der Zuwendungsbescheid wurde am ${germanDate(issuedOn)} erlassen; ein Widerruf kann nicht davor, am ${germanDate(effectiveDate)}, wirksam werden.`,
        en: `The notice was issued on ${issuedOn}; a revocation cannot take effect before, on ${effectiveDate}.`,
      },
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
    super(
      {
        de: `Die Erstattung kann frühestens am ${germanDate(earliest)} fällig werden, nicht am ${germanDate(refundDueDate)}.`,
        en: `The refund can be due on ${earliest} at the earliest, not on ${refundDueDate}.`,
      },
      {
        refundDueDate,
        earliest,
      },
    );
  }
}

export class BaseRateUnknown extends DomainError {
  readonly code = 'base-rate-unknown';
  readonly kind = 'rule-violated';
  constructor(date: string, source: string) {
    super(
      {
        de: `Die Tabelle der Basiszinssätze (${source}) enthält keinen Satz für den ${germanDate(date)}, daher lassen sich die Zinsen nicht berechnen; bitte die Tabelle ergänzen (BASE_RATE_TABLE_FILE).`,
        en: `The base-rate table (${source}) has no rate for ${date}; update it (BASE_RATE_TABLE_FILE).`,
      },
      {
        date,
        source,
      },
    );
  }
}

export class NoRefundOutstanding extends DomainError {
  readonly code = 'no-refund-outstanding';
  readonly kind = 'rule-violated';
  constructor(grantId: string) {
    super(
      {
        de: `Zur Zuwendung ${grantId} ist keine Erstattung offen: kein Widerruf hat eine gefordert, oder sie ist bereits zurückgezahlt.`,
        en: `No refund is outstanding on grant ${grantId}: no revocation claimed one, or it was paid back.`,
      },
      {
        grantId,
      },
    );
  }
}

export class RefundPaymentExceedsOutstanding extends DomainError {
  readonly code = 'refund-payment-exceeds-outstanding';
  readonly kind = 'rule-violated';
  constructor(amountCents: number, outstandingCents: number) {
    super(
      {
        de: `Zurückgezahlt wurden ${euro(amountCents)}, offen ist aber nur noch eine Erstattung von ${euro(outstandingCents)}.`,
        en: `${amountCents} cents paid back, but only ${outstandingCents} cents of refund are outstanding.`,
      },
      {
        amountCents,
        outstandingCents,
      },
    );
  }
}

export class RefundPaymentDateInvalid extends DomainError {
  readonly code = 'refund-payment-date-invalid';
  readonly kind = 'rule-violated';
  constructor(paidOn: string, earliest: string, today: string) {
    super(
      {
        de: `Eine Rückzahlung am ${germanDate(paidOn)} kann nicht erfasst werden: sie begleicht eine am ${germanDate(earliest)} geforderte Erstattung, und heute ist der ${germanDate(today)}.`,
        en: `A refund paid on ${paidOn} cannot be recorded: it settles a refund claimed on ${earliest}, and today is ${today}.`,
      },
      { paidOn, earliest, today },
    );
  }
}
