import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { preferredLocale } from './locale';
import { problemFromError } from './problem';
import { requestContext } from './request-context';

/** Renders every error as application/problem+json; never a stack trace. */
@Catch()
export class ProblemJsonFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<ProblemRequest>(), http.getResponse<ProblemReply>(), this.logger);
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
  send(body: string): unknown;
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

export function sendProblem(
  error: unknown,
  req: ProblemRequest,
  res: ProblemReply,
  logger: Pick<Logger, 'error'>,
): void {
  const locale = preferredLocale(req.headers['accept-language']);
  const { problem, internal } = problemFromError(error, locale);
  const correlationId =
    requestContext.current()?.correlationId ?? (typeof req.id === 'string' ? req.id : undefined);
  // The route's template, not the URL, which may carry a credential (the calendar feed's token);
  // the request log's line of the same correlation id has the URL, masked.
  const route = routeTemplateOf(req);
  const where = route !== undefined ? { route } : {};
  if (internal) logger.error({ err: error, correlationId, method: req.method, ...where }, 'unhandled error');
  const body = JSON.stringify({ ...problem, instance: req.originalUrl ?? req.url, correlationId });
  const headers = { 'Content-Type': 'application/problem+json; charset=utf-8', 'Content-Language': locale };
  if (!res.sent) {
    if (res.headersSent) return;
    res.status(problem.status);
    for (const [name, value] of Object.entries(headers)) res.header(name, value);
    res.send(body);
    return;
  }
  const raw = res.raw;
  if (!raw || raw.headersSent) return;
  raw.statusCode = problem.status;
  for (const [name, value] of Object.entries(headers)) raw.setHeader(name, value);
  raw.end(body);
}
