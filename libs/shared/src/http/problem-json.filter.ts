import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { preferredLocale } from './locale';
import { problemFromError } from './problem';
import { requestContext } from './request-context';

/** Renders every error as application/problem+json; never a stack trace. */
@Catch()
export class ProblemJsonFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

export function sendProblem(
  error: unknown,
  req: Request,
  res: Response,
  logger: Pick<Logger, 'error'>,
): void {
  const locale = preferredLocale(req.headers['accept-language']);
  const { problem, internal } = problemFromError(error, locale);
  const correlationId = requestContext.current()?.correlationId ?? (req as Request & { id?: string }).id;
  // The route's template, not the URL, which may carry a credential (the calendar feed's token);
  // the request log's line of the same correlation id has the URL, masked.
  const route = (req.route as { path?: unknown } | undefined)?.path;
  const where = typeof route === 'string' ? { route } : {};
  if (internal) logger.error({ err: error, correlationId, method: req.method, ...where }, 'unhandled error');
  if (res.headersSent) return;
  res
    .status(problem.status)
    .type('application/problem+json')
    .set('Content-Language', locale)
    .send(JSON.stringify({ ...problem, instance: req.originalUrl, correlationId }));
}
