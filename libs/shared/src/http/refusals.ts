import { ApiExtension } from '@nestjs/swagger';
import { DomainError, type DomainErrorKind } from '@app/eventsourcing';
import { STATUS_BY_KIND } from './problem';

/** A refusal a route can answer: its machine-readable code and the HTTP status of its kind. */
export interface Refusal {
  code: string;
  status: number;
}

type ErrorClass = abstract new (...args: never[]) => DomainError;

/**
 * Stands in for any constructor argument, so that a refusal's class can be made once to read its
 * code and kind: every property and call of it gives itself back, and it reads as '' or 0.
 */
function anything(): unknown {
  const target = function () {};
  const proxy: unknown = new Proxy(target, {
    get: (_t, key) =>
      key === Symbol.toPrimitive ? () => '' : key === Symbol.iterator ? [][Symbol.iterator] : proxy,
    apply: () => proxy,
  });
  return proxy;
}

/** The code and status of a refusal class: its statics (domainError()), or one instance's fields. */
export function refusalOf(error: ErrorClass): Refusal {
  const statics = error as unknown as { code?: unknown; kind?: unknown };
  let code = statics.code;
  let kind = statics.kind;
  if (typeof code !== 'string' || typeof kind !== 'string') {
    const Constructor = error as unknown as new (...args: unknown[]) => DomainError;
    const instance = new Constructor(anything(), anything(), anything());
    code = instance.code;
    kind = instance.kind;
  }
  const status = STATUS_BY_KIND[kind as DomainErrorKind];
  if (typeof code !== 'string' || status === undefined) {
    throw new Error(`${error.name} is not a refusal with a code and a kind`);
  }
  return { code, status };
}

/**
 * The refusals a route can answer beyond those every route shares (validation, sign-in, role,
 * rate limit, not found): the rule errors of its use case. The OpenAPI document lists them as
 * problem+json answers with their codes, by status.
 */
export function Refuses(...errors: ErrorClass[]): MethodDecorator {
  return ApiExtension('x-refusals', errors.map(refusalOf));
}
