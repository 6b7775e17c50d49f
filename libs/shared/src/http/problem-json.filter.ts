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
  if (internal) logger.error({ err: error, correlationId, path: req.originalUrl }, 'unhandled error');
  if (res.headersSent) return;
  res
    .status(problem.status)
    .type('application/problem+json')
    .set('Content-Language', locale)
    .send(JSON.stringify({ ...problem, instance: req.originalUrl, correlationId }));
}
