import { DomainError } from '@app/eventsourcing';

export interface FieldError {
  field: string;
  messages: string[];
}

/** The request itself is malformed: wrong shape, unknown field, bad id. Nothing was attempted. */
export class RequestValidationError extends DomainError {
  readonly kind = 'invalid';
  constructor(
    readonly code: string,
    message: string,
    errors?: FieldError[],
  ) {
    super(message, errors ? { errors } : undefined);
  }
}
