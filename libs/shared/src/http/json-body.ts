import { type ExecutionContext, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import { SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { IncomingMessage } from 'node:http';
import { RequestValidationError } from './request-validation-error';

const JSON_BYTES = Symbol('json body bytes');
const BODY_OPTIONAL = 'kkz:body-optional';

/**
 * For a route whose body only adds optional facts to an act that stands without them (a
 * reason for declining): no body is the same as `{}`. A body of another type is still 415.
 */
export const OptionalBody = () => SetMetadata(BODY_OPTIONAL, true);

/** The JSON parser's `verify` hook: notes how many bytes the body had (the parser turns none into `{}`). */
export function noteJsonBodySize(req: IncomingMessage, _res: unknown, body: Buffer): void {
  (req as IncomingMessage & { [JSON_BYTES]?: number })[JSON_BYTES] = body.length;
}

/**
 * A route that takes a body acts on JSON only. Without this, a body sent as text or form (or none
 * at all) reached the handler as an empty object and was acted on: every field of a draft "left
 * out", a channel "switched off". So a route with a `@Body()` answers 415 to a body of another
 * type and 400 to a missing or empty one; an empty change is sent as `{}`. Routes without a body
 * are left alone. Checked by the request guard before the Idempotency-Key, so such a request
 * reserves no key.
 */
@Injectable()
export class JsonBodyCheck {
  private readonly takesBody = new WeakMap<object, boolean>();

  /** Throws if the route takes a body and the request's is not JSON (or missing); see above. */
  check(context: ExecutionContext): void {
    if (context.getType() !== 'http' || !this.routeTakesBody(context)) return;
    const req = context.switchToHttp().getRequest<BodyRequest>();
    const optional = Reflect.getMetadata(BODY_OPTIONAL, context.getHandler()) === true;
    if (!isJson(req)) {
      if (sentContent(req)) throw new UnsupportedMediaTypeException();
      if (!optional) throw bodyRequired();
      req.body = {};
      return;
    }
    if (!(req.raw ?? req)[JSON_BYTES] && !optional) throw bodyRequired();
  }

  private routeTakesBody(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let takes = this.takesBody.get(handler);
    if (takes === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ??
        {}) as Record<string, unknown>;
      takes = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
      this.takesBody.set(handler, takes);
    }
    return takes;
  }
}

/** Fastify's request (its Node request as `raw`) or Express's (itself the Node request). */
interface BodyRequest {
  headers: IncomingMessage['headers'];
  body?: unknown;
  raw?: IncomingMessage & { [JSON_BYTES]?: number };
  [JSON_BYTES]?: number;
}

/**
 * A body was announced (even of length 0) as `application/json`, with or without parameters: what
 * the body parser reads.
 */
function isJson(req: BodyRequest): boolean {
  const type = req.headers['content-type'];
  const announced =
    req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
  if (type === undefined || !announced) return false;
  const semicolon = type.indexOf(';');
  return (semicolon === -1 ? type : type.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

/** A body was sent: announced by its length or by chunked transfer. */
function sentContent(req: BodyRequest): boolean {
  const length = Number(req.headers['content-length']);
  return req.headers['transfer-encoding'] !== undefined || length > 0;
}

function bodyRequired(): RequestValidationError {
  return new RequestValidationError('body-required', {
    de: 'Diese Anfrage braucht einen Inhalt im Format JSON (für eine leere Änderung „{}“).',
    en: 'This request needs a JSON body (for an empty change, "{}").',
  });
}
