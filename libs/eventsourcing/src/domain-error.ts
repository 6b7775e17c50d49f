/**
 * How a refusal maps to HTTP, decided once here and rendered by the problem+json filter:
 * invalid 400, unauthenticated 401, forbidden 403, not-found 404, conflict 409, rule-violated 422,
 * too-many-requests 429.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rule-violated'
  | 'too-many-requests';

/**
 * A typed refusal. Each business rule has its own subclass with a stable, machine-readable
 * `code` (kebab-case) and a human sentence as message. Deciders throw these; nothing else.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;
  /** Extra, machine-readable facts for the problem document (e.g. the deadline that passed). */
  readonly details?: Record<string, unknown>;

  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** A record the caller may not see, or that does not exist: the two are indistinguishable on purpose. */
export class NotFound extends DomainError {
  readonly code = 'not-found';
  readonly kind = 'not-found';
  constructor(what: string, id: string) {
    super(`${what} ${id} was not found.`, { id });
  }
}
