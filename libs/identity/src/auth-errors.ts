import { DomainError } from '@app/eventsourcing';

export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
  constructor(
    readonly code: 'missing-token' | 'invalid-token',
    message: string,
  ) {
    super(message);
  }
}

export class ForbiddenRole extends DomainError {
  readonly code = 'forbidden-role';
  readonly kind = 'forbidden';
  constructor(allowed: readonly string[]) {
    super(`This action is reserved for the role${allowed.length > 1 ? 's' : ''} ${allowed.join(', ')}.`, {
      allowedRoles: allowed,
    });
  }
}
