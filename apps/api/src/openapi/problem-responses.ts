import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = Record<string, unknown> & {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses: Record<string, Record<string, unknown>>;
  'x-roles'?: string[];
  'x-public'?: boolean;
  'x-refusals'?: Array<{ code: string; status: number }>;
};

export const PROBLEM_SCHEMA = {
  type: 'object',
  description:
    'RFC 9457 problem details. `code` is stable and machine-readable; `title` and `detail` are for people, ' +
    'in German unless the request says `Accept-Language: en` (see `Content-Language`).',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:problem:call-not-draft' },
    title: { type: 'string', example: 'Regel nicht erfüllt' },
    status: { type: 'integer', example: 422 },
    detail: { type: 'string', example: 'Der Aufruf kkz-2011 ist nicht mehr im Entwurf.' },
    code: { type: 'string', example: 'call-not-draft' },
    instance: { type: 'string', example: '/calls/kkz-2011/publish' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'For `validation-failed`: what is wrong with each field.',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
  additionalProperties: true,
};

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is malformed or invalid; nothing was done.',
  401: 'No valid bearer token.',
  403: 'The caller’s role may not do this.',
  404: 'No such record, or one the caller may not see.',
  409: 'A conflict with the record’s current state (e.g. a stale If-Match revision).',
  413: 'The body is larger than the limit.',
  415: 'The body is not JSON.',
  422: 'A business rule refuses the request; nothing was recorded.',
  429: 'Too many requests from this address; see Retry-After.',
};

/** The refusals the API's shared parts answer, by what the operation has. */
function sharedRefusals(
  method: string,
  path: string,
  op: Operation,
): Array<{ code: string; status: number }> {
  const guarded = !op['x-public'];
  const hasInput = (op.parameters ?? []).some((p) => p.in === 'query') || op.requestBody !== undefined;
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
  const command = method !== 'get';
  const codes: Array<{ code: string; status: number }> = [];
  if (hasInput) codes.push({ code: 'validation-failed', status: 400 });
  if (pathParams.length > 0)
    codes.push({ code: 'invalid-id', status: 400 }, { code: 'not-found', status: 404 });
  if (op.requestBody !== undefined) {
    codes.push(
      { code: 'malformed-json', status: 400 },
      { code: 'forbidden-key', status: 400 },
      { code: 'payload-too-large', status: 413 },
      { code: 'unsupported-media-type', status: 415 },
    );
  }
  if (guarded) {
    codes.push(
      { code: 'missing-token', status: 401 },
      { code: 'invalid-token', status: 401 },
      { code: 'forbidden-role', status: 403 },
    );
  }
  if (guarded && command) {
    codes.push(
      { code: 'invalid-idempotency-key', status: 400 },
      { code: 'idempotency-request-in-progress', status: 409 },
      { code: 'idempotency-key-reused', status: 422 },
    );
  }
  if ((op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'If-Match')) {
    codes.push({ code: 'invalid-if-match', status: 400 }, { code: 'concurrency-conflict', status: 409 });
  }
  if (!path.startsWith('/health')) codes.push({ code: 'rate-limited', status: 429 });
  return codes;
}

/**
 * Every operation's problem answers: the shared ones and the rule refusals its route declares
 * (@Refuses), grouped by status, each with the codes it can carry; `default` for anything else
 * (500 internal-error). Guarded operations get the Idempotency-Key header when they change data.
 */
export function addProblemResponses(document: OpenAPIObject): void {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, Problem: PROBLEM_SCHEMA };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
      const op = value as Operation;
      const refusals = [...sharedRefusals(method, path, op), ...(op['x-refusals'] ?? [])];
      delete op['x-refusals'];
      const byStatus = new Map<number, Set<string>>();
      for (const { code, status } of refusals)
        byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
      for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
        op.responses[String(status)] = problemResponse(STATUS_TEXT[status] ?? 'Refused.', [...codes].sort());
      }
      op.responses.default = problemResponse(
        'Any other error (500 internal-error): logged under the correlation id.',
        ['internal-error'],
      );
    }
  }
}

function problemResponse(description: string, codes: string[]) {
  return {
    description: `${description} Codes: ${codes.map((c) => `\`${c}\``).join(', ')}.`,
    content: {
      'application/problem+json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            { type: 'object', properties: { code: { type: 'string', enum: codes } } },
          ],
        },
      },
    },
  };
}
