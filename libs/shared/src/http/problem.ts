import { HttpException, HttpStatus } from '@nestjs/common';
import {
  ConcurrencyError,
  DomainError,
  type DomainErrorKind,
  InvalidStreamIdError,
} from '@app/eventsourcing';

/** RFC 9457 problem details, plus our machine-readable `code`. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  correlationId?: string;
  [extension: string]: unknown;
}

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rule-violated': 422,
  'too-many-requests': 429,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'route-not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
};

function document(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): ProblemDocument {
  const title = code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' ');
  // Extensions never override the standard members.
  return { ...extra, type: `urn:problem:${code}`, title, status, detail, code };
}

/**
 * The one mapping from anything thrown to a problem document. `internal` is true when the error
 * is ours (a bug or an outage): it is logged in full and the client gets no detail of it.
 */
export function problemFromError(error: unknown): { problem: ProblemDocument; internal: boolean } {
  if (error instanceof DomainError) {
    return {
      problem: document(STATUS_BY_KIND[error.kind], error.code, error.message, error.details ?? {}),
      internal: false,
    };
  }
  if (error instanceof ConcurrencyError) {
    return {
      problem: document(
        409,
        'concurrency-conflict',
        'The record was changed by someone else meanwhile; reload and try again.',
        {
          expectedRevision: error.expected,
          actualRevision: error.actual,
        },
      ),
      internal: false,
    };
  }
  if (error instanceof InvalidStreamIdError) {
    return {
      problem: document(400, 'invalid-id', `"${error.streamId}" is not a valid id.`),
      internal: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500) return { problem: internalProblem(), internal: true };
    const code = CODE_BY_STATUS[status] ?? `http-${status}`;
    const detail = status === 404 ? 'There is no such route.' : error.message;
    return { problem: document(status, code, detail), internal: false };
  }
  const bodyError = bodyParserProblem(error);
  if (bodyError) return { problem: bodyError, internal: false };
  return { problem: internalProblem(), internal: true };
}

function internalProblem(): ProblemDocument {
  return document(
    HttpStatus.INTERNAL_SERVER_ERROR,
    'internal-error',
    'An unexpected error occurred. It has been logged under the correlation id of this request.',
  );
}

/** Errors raised by the JSON body parser before any route runs. */
function bodyParserProblem(error: unknown): ProblemDocument | undefined {
  const e = error as { type?: string; status?: number; limit?: number; expose?: boolean };
  switch (e?.type) {
    case 'entity.too.large':
      return document(
        413,
        'payload-too-large',
        `The request body is larger than the limit of ${e.limit} bytes.`,
      );
    case 'entity.parse.failed':
      return document(400, 'malformed-json', 'The request body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return document(415, 'unsupported-media-type', 'The request body must be UTF-8 encoded JSON.');
    case 'request.aborted':
      return document(400, 'request-aborted', 'The request was aborted by the client.');
    default:
      // Any other client error of the body parser (e.g. a body that claims gzip but is not).
      if (e?.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
        return document(e.status, 'unreadable-body', 'The request body cannot be read as sent.');
      }
      return undefined;
  }
}
