import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '@app/identity';

/**
 * Every request by an auditor, and every request to /audit by anyone, goes to the structured log
 * once answered: who (subject), which route, with which parameters, and the outcome. Written when
 * the response is done (Fastify's onResponse), so that requests refused by the guard are logged
 * as well.
 */
@Injectable()
export class AuditAccessLog implements OnModuleInit {
  private readonly logger = new Logger('AuditAccess');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    // Only the API serves /audit; another app (the worker's health endpoint) has none of it.
    if (typeof fastify?.addHook !== 'function') return;
    fastify.addHook('onResponse', (request, reply, done) => {
      this.note(request, reply.statusCode, reply.elapsedTime);
      done();
    });
  }

  private note(request: FastifyRequest, status: number, ms: number): void {
    const principal = (request as unknown as AuthenticatedRequest).principal;
    const path = request.url.split('?')[0];
    const auditRoute = path === '/audit' || path.startsWith('/audit/');
    if (!auditRoute && !principal?.roles.includes('auditor')) return;
    this.logger.log({
      msg: 'audit access',
      audit: {
        subject: principal?.subject ?? null,
        roles: principal?.roles ?? [],
        ...(principal?.ags ? { ags: principal.ags } : {}),
        method: request.method,
        route: request.routeOptions.url ?? path,
        path,
        params: { ...(request.params as Record<string, unknown>) },
        query: { ...(request.query as Record<string, unknown>) },
        status,
        ms: Math.round(ms),
        correlationId: request.id,
      },
    });
  }
}
