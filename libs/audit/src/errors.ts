import { DomainError, germanDate, germanList } from '@app/eventsourcing';

/** "As of" may name a revision, a position or a date, but only one of them. */
export class AsOfAmbiguous extends DomainError {
  readonly code = 'as-of-ambiguous';
  readonly kind = 'invalid';
  constructor(given: string[]) {
    super(
      {
        de: `Bitte nur eine Angabe machen – Revision (revision), Position (position) oder Stichtag (asOf) –, nicht ${germanList(given)}.`,
        en: `Name one of revision, position or asOf, not ${given.join(' and ')}.`,
      },
      { given },
    );
  }
}

/** A time range whose end lies before its start selects nothing: surely a mistake. */
export class TimeRangeReversed extends DomainError {
  readonly code = 'time-range-reversed';
  readonly kind = 'invalid';
  constructor(from: string, to: string) {
    super(
      {
        de: `Der Zeitraum endet (${germanDate(to)}), bevor er beginnt (${germanDate(from)}).`,
        en: `The range ends (${to}) before it starts (${from}).`,
      },
      { from, to },
    );
  }
}

/** The read model asked for is not one the application registers. */
export class UnknownReadModel extends DomainError {
  readonly code = 'unknown-read-model';
  readonly kind = 'not-found';
  constructor(name: string, known: string[]) {
    super(
      {
        de: `Eine Lesesicht „${name}“ gibt es nicht; vorhanden sind: ${known.join(', ')}.`,
        en: `There is no read model "${name}"; known: ${known.join(', ')}.`,
      },
      { name, known },
    );
  }
}
