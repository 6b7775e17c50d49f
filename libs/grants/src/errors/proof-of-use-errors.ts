import { DomainError, domainError, germanDate } from '@app/eventsourcing';
import { euro, proofStatusDe } from './words';

// Refusals of a proof of use (Verwendungsnachweis) and of its review by the grants office.

export class ProofOfUseBeforePeriodEnd extends DomainError {
  readonly code = 'proof-of-use-before-period-end';
  readonly kind = 'rule-violated';
  constructor(today: string, periodTo: string) {
    super(
      {
        de: `Der Verwendungsnachweis folgt auf den Bewilligungszeitraum, der bis zum ${germanDate(periodTo)} läuft; heute ist der ${germanDate(today)}.`,
        en: `The proof of use follows the funding period, which runs until ${periodTo}; today is ${today}.`,
      },
      {
        today,
        periodTo,
      },
    );
  }
}

export class ProofOfUseExists extends DomainError {
  readonly code = 'proof-of-use-exists';
  readonly kind = 'conflict';
  constructor(grantId: string, status: string, submission: number) {
    super(
      {
        de: `Zur Zuwendung ${grantId} liegt bereits ein Verwendungsnachweis vor (Einreichung ${submission}, ${proofStatusDe(status)}); ein berichtigter folgt erst, wenn er zurückgegeben wurde.`,
        en: `Grant ${grantId} already has a proof of use (submission ${submission}, ${status}); a correction follows only its return.`,
      },
      { grantId, status, submission },
    );
  }
}

export class FactualReportMissing extends DomainError {
  readonly code = 'proof-of-use-factual-report-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Ein Verwendungsnachweis enthält den Sachbericht.',
      en: 'A proof of use contains the factual report (Sachbericht).',
    });
  }
}

export class ProofOfUseNotAwaitingReview extends DomainError {
  readonly code = 'proof-of-use-not-awaiting-review';
  readonly kind = 'conflict';
  constructor(grantId: string, status: string) {
    super(
      {
        de: `Zur Zuwendung ${grantId} liegt kein Verwendungsnachweis zur Prüfung vor (er ist ${proofStatusDe(status)}).`,
        en: `Grant ${grantId} has no proof of use awaiting review (${status}).`,
      },
      { grantId, status },
    );
  }
}

export class ProofOfUseRemarksMissing extends DomainError {
  readonly code = 'proof-of-use-remarks-missing';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Wer einen Verwendungsnachweis zurückgibt, nennt, was zu berichtigen ist.',
      en: 'A returned proof of use says what is to be corrected.',
    });
  }
}

/** `source` is a source's id, or `grant` for the public money as a whole. */
export const ProofOfUseBeyondGrant = domainError(
  'proof-of-use-beyond-grant',
  'rule-violated',
  (d: { source: string; sourceName: string; statedCents: number; grantedCents: number }) =>
    d.source === 'grant'
      ? {
          de: `Die angegebenen Zuwendungsmittel (${euro(d.statedCents)}) übersteigen, was der Bescheid nach Widerrufen noch gewährt: ${euro(d.grantedCents)}.`,
          en: `The public money stated (${d.statedCents} cents) exceeds what the notice still grants after revocations, ${d.grantedCents} cents.`,
        }
      : {
          de: `Die angegebenen Mittel „${d.sourceName}“ (${euro(d.statedCents)}) übersteigen die ${euro(d.grantedCents)} des Bescheids.`,
          en: `The "${d.sourceName}" money stated (${d.statedCents} cents) exceeds the notice's ${d.grantedCents} cents.`,
        },
);

export const ProofOfUseShareExceeded = domainError(
  'proof-of-use-share-exceeded',
  'rule-violated',
  (d: {
    source: string;
    sourceName: string;
    statedCents: number;
    statedTotalCents: number;
    noticeCents: number;
    noticeTotalCents: number;
  }) => ({
    de: `Die Zuwendung finanziert einen festen Anteil der Ausgaben: „${d.sourceName}“ darf höchstens ${euro(d.noticeCents)} von ${euro(d.noticeTotalCents)} der Gesamtausgaben tragen, nicht ${euro(d.statedCents)} von ${euro(d.statedTotalCents)}. Weniger Ausgaben heißt weniger Zuwendung.`,
    en: `The grant finances a fixed share of the expenditure: "${d.sourceName}" may be at most ${d.noticeCents} of ${d.noticeTotalCents} of the total, not ${d.statedCents} of ${d.statedTotalCents} cents. Less total expenditure means less public money.`,
  }),
);
