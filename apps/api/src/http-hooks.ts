import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type MetricsRegistry,
  noteJsonBodySize,
  problemAnswer,
  RequestValidationError,
  requestContext,
  sendProblem,
  settleAnswer,
} from '@app/shared';
import { checkJsonBody } from './body-checks';

const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

type WithId = IncomingMessage & { id?: string; body?: unknown };

/**
 * The request's correlation id (the caller's if sane, else a fresh one), as Fastify's `genReqId`:
 * set before any hook runs, so even a body that cannot be read is answered with one. Kept on the
 * raw request too, where the request log (pino-http) reads it.
 */
export function correlationIdOf(raw: IncomingMessage): string {
  const given = raw.headers['x-correlation-id'];
  const id = typeof given === 'string' && SAFE.test(given) ? given : randomUUID();
  (raw as WithId).id = id;
  return id;
}

/**
 * The body parser's errors go on to the problem+json filter as they are. Nest turns a
 * `SyntaxError` with status 400 into a plain 400 on the way there, which would lose what the
 * caller needs to hear (`malformed-json`), so that one is carried over to a plain Error.
 */
function bodyError(error: unknown): Error {
  if (!(error instanceof SyntaxError)) return error as Error;
  const { type, status, expose } = error as SyntaxError & {
    type?: string;
    status?: number;
    expose?: boolean;
  };
  return Object.assign(new Error(error.message), { type, status, expose });
}

const pathOf = (url: string) => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/** The security headers for a path (security-headers.ts). */
export type HeadersFor = (path: string) => Record<string, string>;

export interface HttpHookOptions {
  bodyLimitBytes: number;
  headersFor: HeadersFor;
  metrics: MetricsRegistry;
}

/**
 * Longest path parameter Fastify's router matches (its default is 100); ids are far shorter and
 * are refused by their own checks as `invalid-id`, a longer one as `path-segment-too-long`.
 */
export const MAX_PARAM_LENGTH = 500;

/** Fastify's refusals of a path before any route or hook (its `frameworkErrors`), as problems. */
const PATH_REFUSALS: Record<string, () => RequestValidationError> = {
  FST_ERR_BAD_URL: () =>
    new RequestValidationError('malformed-path', {
      de: 'Die Adresse enthält eine ungültige Zeichenkodierung (%-Kodierung, die kein UTF-8 ergibt).',
      en: 'The address contains an invalid percent-encoding (one that is not UTF-8).',
    }),
  FST_ERR_MAX_PARAM_LENGTH: () =>
    new RequestValidationError('path-segment-too-long', {
      de: `Ein Teil der Adresse ist länger als ${MAX_PARAM_LENGTH} Zeichen; so lange Kennungen gibt es nicht.`,
      en: `A part of the address is longer than ${MAX_PARAM_LENGTH} characters; no id is that long.`,
    }),
};

/** The headers every answer carries: the security headers for its path, the correlation id. */
function markAnswer(headersFor: HeadersFor, request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(headersFor(pathOf(request.url)));
  reply.header('X-Correlation-Id', request.id);
}

/**
 * Fastify's `frameworkErrors`: a path it cannot route (bad %-encoding, an overlong parameter)
 * is answered before any hook runs, so the headers every answer carries are set here too.
 */
export function frameworkErrors(headersFor: HeadersFor) {
  const logger = new Logger('Http');
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    markAnswer(headersFor, request, reply);
    const refusal = PATH_REFUSALS[error.code];
    sendProblem(refusal ? refusal() : error, request, reply, logger);
  };
}

/**
 * What every request goes through before its route, on Fastify's hooks:
 * - security headers and the correlation id on every answer, errors included;
 * - the body: JSON only (UTF-8, objects and arrays, within the limit), read by the same parser
 *   as ever (body-parser's), so its refusals keep their problem codes; any other type is left
 *   unread and refused by the routes that take a body (JsonBodyCheck, in the request guard);
 * - the parsed body's checks (body-checks.ts), then the rest of the request inside its context
 *   (actor, correlation, idempotency); it starts after parsing because stream callbacks may not
 *   carry the context;
 * - the work a request left for its answer (the Idempotency-Key's record of it), done before
 *   the answer leaves; if that fails, the answer is the problem it met instead;
 * - the request histogram, by route template.
 */
export function registerHttpHooks(fastify: FastifyInstance, options: HttpHookOptions): void {
  const { headersFor } = options;
  const readJson = express.json({ limit: options.bodyLimitBytes, strict: true, verify: noteJsonBodySize });

  fastify.addHook('onRequest', (request, reply, done) => {
    markAnswer(headersFor, request, reply);
    done();
  });

  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (request, _payload, done) => {
    const raw = request.raw as WithId;
    readJson(raw as never, {} as ServerResponse as never, (error?: unknown) =>
      error ? done(bodyError(error), undefined) : done(null, raw.body),
    );
  });

  fastify.addHook('preHandler', (request, _reply, done) => {
    const refused = checkJsonBody(request.body);
    if (refused) return done(refused);
    requestContext.run({ correlationId: request.id }, done);
  });

  const logger = new Logger('Problem');
  fastify.addHook('onSend', async (request, reply, payload) => {
    try {
      await settleAnswer(request.raw, reply.statusCode, payload);
      return payload;
    } catch (error) {
      const { status, headers, body } = problemAnswer(error, request, logger);
      reply.code(status);
      reply.headers(headers);
      return body;
    }
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    options.metrics.observeRequest(
      request.method,
      request.routeOptions.url,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
}
