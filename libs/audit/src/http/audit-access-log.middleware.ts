import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from '@app/identity';

/**
 * Every request by an auditor, and every request to /audit by anyone, goes to the structured log
 * once answered: who (subject), which route, with which parameters, and the outcome. Written on
 * `finish`, so that requests refused by the guard are logged as well.
 */
@Injectable()
export class AuditAccessLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('AuditAccess');

  use(req: Request, res: Response, next: NextFunction): void {
    const started = Date.now();
    res.once('finish', () => {
      const principal = (req as AuthenticatedRequest).principal;
      const path = req.originalUrl.split('?')[0];
      const auditRoute = path === '/audit' || path.startsWith('/audit/');
      if (!auditRoute && !principal?.roles.includes('auditor')) return;
      this.logger.log({
        msg: 'audit access',
        audit: {
          subject: principal?.subject ?? null,
          roles: principal?.roles ?? [],
          ...(principal?.ags ? { ags: principal.ags } : {}),
          method: req.method,
          route: (req.route as { path?: string } | undefined)?.path ?? path,
          path,
          params: { ...req.params },
          query: { ...(req.query as Record<string, unknown>) },
          status: res.statusCode,
          ms: Date.now() - started,
          correlationId: (req as Request & { id?: string }).id,
        },
      });
    });
    next();
  }
}
