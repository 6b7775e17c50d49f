import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { type ProblemRequest, requestContext, routeTemplateOf } from '@app/shared';
import { ForbiddenRole, Unauthenticated } from './auth-errors';
import { type Principal, primaryRole, type Role } from './principal';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import type { TokenVerifier } from './token-verifier';

export const TOKEN_VERIFIER = Symbol('TokenVerifier');

/** Fastify's request (Express's alike), with the principal the guard found. */
export interface AuthenticatedRequest extends ProblemRequest {
  headers: IncomingHttpHeaders;
  method: string;
  principal?: Principal;
}

/** Deny by default: a bearer token that verifies, and a role the route names. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    if (!header) throw new Unauthenticated('token-missing');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new Unauthenticated('header-malformed');
    const principal = await this.verifier.verify(match[1]);
    req.principal = principal;
    const ctx = requestContext.current();
    if (ctx)
      ctx.actor = {
        subject: principal.subject,
        role: primaryRole(principal),
        ...(principal.ags ? { ags: principal.ags } : {}),
      };

    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (!allowed || allowed.length === 0) {
      this.logger.error(`route ${req.method} ${routeTemplateOf(req) ?? req.url} declares no roles: refused`);
      throw new ForbiddenRole([]);
    }
    if (!principal.roles.some((r) => allowed.includes(r))) throw new ForbiddenRole(allowed);
    return true;
  }
}
