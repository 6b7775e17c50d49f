import { DomainError } from '@app/eventsourcing';

/** "As of" may name a revision, a position or a date, but only one of them. */
export class AsOfAmbiguous extends DomainError {
  readonly code = 'as-of-ambiguous';
  readonly kind = 'invalid';
  constructor(given: string[]) {
    super(`Name one of revision, position or asOf, not ${given.join(' and ')}.`, { given });
  }
}

/** A time range whose end lies before its start selects nothing: surely a mistake. */
export class TimeRangeReversed extends DomainError {
  readonly code = 'time-range-reversed';
  readonly kind = 'invalid';
  constructor(from: string, to: string) {
    super(`The range ends (${to}) before it starts (${from}).`, { from, to });
  }
}

/** The read model asked for is not one the application registers. */
export class UnknownReadModel extends DomainError {
  readonly code = 'unknown-read-model';
  readonly kind = 'not-found';
  constructor(name: string, known: string[]) {
    super(`There is no read model "${name}"; known: ${known.join(', ')}.`, { name, known });
  }
}
