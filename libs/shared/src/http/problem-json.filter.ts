import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { IdempotentReplay } from './idempotency';
import { preferredLocale } from './locale';
import { problemFromError } from './problem';
import { requestContext } from './request-context';

/**
 * Renders every error as application/problem+json; never a stack trace. Also sends the first
 * answer again for a repeated Idempotency-Key, which the request guard throws (a guard cannot
 * answer itself): as Nest would have sent it from the handler.
 */
@Catch()
export class ProblemJsonFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<ProblemReply>();
    if (error instanceof IdempotentReplay) {
      res.status(error.status);
      res.header('Idempotent-Replayed', 'true');
      res.send(error.body);
      return;
    }
    sendProblem(error, http.getRequest<ProblemRequest>(), res, this.logger);
  }
}

/** The parts of a request a problem needs: Fastify's request and Express's alike. */
export interface ProblemRequest {
  headers: IncomingHttpHeaders;
  method?: string;
  url?: string;
  originalUrl?: string;
  /** The correlation id (Fastify's request id); pino-http's type allows a number. */
  id?: string | number | object;
  /** Fastify: the matched route. */
  routeOptions?: { url?: string };
  /** Express: the matched route. */
  route?: { path?: unknown };
}

/**
 * A Fastify reply or an Express response: both have `status`, `header` and `send`. A Fastify
 * reply taken over by its route (`hijack`, a stream) is answered on its Node response directly,
 * if nothing was sent on it yet.
 */
export interface ProblemReply {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
  send(body: unknown): unknown;
  /** Express. */
  headersSent?: boolean;
  /** Fastify: sent, or taken over by the route. */
  sent?: boolean;
  raw?: ServerResponse;
}

/** The route's template (`/grants/:grantId`) if one matched. */
export function routeTemplateOf(req: ProblemRequest): string | undefined {
  const template = req.routeOptions?.url ?? req.route?.path;
  return typeof template === 'string' ? template : undefined;
}

/** An error as the problem+json answer to a request (logged first if it is an internal one). */
export function problemAnswer(
  error: unknown,
  req: ProblemRequest,
  logger: Pick<Logger, 'error'>,
): { status: number; headers: Record<string, string>; body: string } {
  const locale = preferredLocale(req.headers['accept-language']);
  const { problem, internal } = problemFromError(error, locale);
  const correlationId =
    requestContext.current()?.correlationId ?? (typeof req.id === 'string' ? req.id : undefined);
  // The route's template, not the URL, which may carry a credential (the calendar feed's token);
  // the request log's line of the same correlation id has the URL, masked.
  const route = routeTemplateOf(req);
  const where = route !== undefined ? { route } : {};
  if (internal) logger.error({ err: error, correlationId, method: req.method, ...where }, 'unhandled error');
  return {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Content-Language': locale },
    body: JSON.stringify({ ...problem, instance: req.originalUrl ?? req.url, correlationId }),
  };
}

export function sendProblem(
  error: unknown,
  req: ProblemRequest,
  res: ProblemReply,
  logger: Pick<Logger, 'error'>,
): void {
  const { status, headers, body } = problemAnswer(error, req, logger);
  if (!res.sent) {
    if (res.headersSent) return;
    res.status(status);
    for (const [name, value] of Object.entries(headers)) res.header(name, value);
    res.send(body);
    return;
  }
  const raw = res.raw;
  if (!raw || raw.headersSent) return;
  raw.statusCode = status;
  for (const [name, value] of Object.entries(headers)) raw.setHeader(name, value);
  raw.end(body);
}
