import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Logger, ServiceUnavailableException } from '@nestjs/common';
import type { Queue } from 'bullmq';
import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  Router,
} from 'express';
import { decodeJwt } from 'jose';
import { ForbiddenRole, type TokenVerifier, Unauthenticated } from '@app/identity';
import { sendProblem } from '@app/shared';
import { DashboardSessions, SessionStoreUnavailable } from './dashboard-sessions';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const LOGIN_PATH = `${QUEUE_DASHBOARD_PATH}/login`;
const COOKIE = 'kkz-queues';

function bearerOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new Unauthenticated('header-malformed');
  return match[1];
}

function sessionIdOf(req: Request): string | undefined {
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`));
  return cookie?.slice(COOKIE.length + 1);
}

const LOGIN_PAGE = `<!doctype html><meta charset="utf-8"><title>Queue dashboard</title>
<form method="post" action="${QUEUE_DASHBOARD_PATH}/session">
<label>Grants office token <input name="token" type="password" autocomplete="off" required></label>
<button>Open the dashboard</button></form>`;

const cookieOptions = (req: Request) =>
  ({ httpOnly: true, sameSite: 'strict', secure: req.secure, path: QUEUE_DASHBOARD_PATH }) as const;

/** A browser asking for a page is sent to sign in; a program gets the 401 it can act on. */
const wantsPage = (req: Request) => req.method === 'GET' && req.accepts(['json', 'html']) === 'html';

/**
 * Bull Board for the grants office only. It is plain express, outside Nest's guards, so it checks
 * the caller itself: a program sends its bearer token with every request; a browser signs in once
 * at `/admin/queues/login` and then holds a session id in an HttpOnly, SameSite=Strict cookie
 * limited to the dashboard's path. The session is short-lived and kept server-side
 * (DashboardSessions); the token itself never becomes a cookie.
 *
 * An Express app of its own (Bull Board's adapter is Express), mounted as middleware on the API's
 * Fastify: Express gives the Node request and response its helpers as they come in. It trusts
 * proxies as the API does (`secure` of the cookie).
 */
export function queueDashboard(queue: () => Queue, verifier: TokenVerifier, trustProxy: string): Express {
  const logger = new Logger('QueueDashboard');
  const sessions = new DashboardSessions(queue);
  let board: RequestHandler | undefined;
  const dashboard = (): RequestHandler => {
    if (board) return board;
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(queue(), { readOnlyMode: false })],
      // @bull-board/express ships its own copy of @bull-board/api (a patch version apart): the
      // same interface at runtime, two declarations to TypeScript.
      serverAdapter: adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    });
    board = adapter.getRouter() as RequestHandler;
    return board;
  };
  const fail = (error: unknown, req: Request, res: Response) =>
    sendProblem(
      error instanceof SessionStoreUnavailable
        ? new ServiceUnavailableException('Redis does not answer: no dashboard session can be checked.')
        : error,
      req,
      res,
      logger,
    );
  const officeOnly = async (token: string) => {
    const principal = await verifier.verify(token);
    if (!principal.roles.includes('grants-office')) throw new ForbiddenRole(['grants-office']);
    return principal;
  };
  const guard = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = bearerOf(req);
      if (token) {
        await officeOnly(token);
        return next();
      }
      const sessionId = sessionIdOf(req);
      if (sessionId && (await sessions.isOpen(sessionId))) return next();
      if (wantsPage(req)) return res.redirect(303, LOGIN_PATH);
      throw sessionId
        ? new Unauthenticated('dashboard-session-ended')
        : new Unauthenticated('dashboard-token-missing');
    } catch (error) {
      fail(error, req, res);
    }
  };

  const router = Router();
  router.get('/login', (_req, res) => {
    res.type('html').send(LOGIN_PAGE);
  });
  router.post('/session', express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    try {
      const token = typeof req.body?.token === 'string' ? req.body.token.trim() : '';
      const principal = await officeOnly(token);
      const session = await sessions.open(principal.subject, decodeJwt(token).exp);
      res.cookie(COOKIE, session.id, { ...cookieOptions(req), maxAge: session.ttl * 1000 });
      res.redirect(303, QUEUE_DASHBOARD_PATH);
    } catch (error) {
      fail(error, req, res);
    }
  });
  router.post('/logout', async (req, res) => {
    try {
      const sessionId = sessionIdOf(req);
      if (sessionId) await sessions.close(sessionId);
      res.clearCookie(COOKIE, cookieOptions(req));
      res.redirect(303, LOGIN_PATH);
    } catch (error) {
      fail(error, req, res);
    }
  });
  router.use(guard, (req, res, next) => dashboard()(req, res, next));
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', trustProxy);
  app.use(router);
  return app;
}
