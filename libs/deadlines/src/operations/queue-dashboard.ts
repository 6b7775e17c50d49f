import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  Router,
} from 'express';
import { ForbiddenRole, type TokenVerifier, Unauthenticated } from '@app/identity';
import { sendProblem } from '@app/shared';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'kkz-queues';

function tokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new Unauthenticated('invalid-token', 'The Authorization header must read "Bearer <token>".');
    return match[1];
  }
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(COOKIE.length + 1)) : undefined;
}

const LOGIN_PAGE = `<!doctype html><meta charset="utf-8"><title>Queue dashboard</title>
<form method="post" action="${QUEUE_DASHBOARD_PATH}/session">
<label>Grants office token <input name="token" type="password" autocomplete="off" required></label>
<button>Open the dashboard</button></form>`;

/**
 * Bull Board for the grants office only. It is plain express, outside Nest's guards, so it checks
 * the bearer token itself with the identity verifier. A browser cannot send a bearer header with
 * every asset request: it signs in once at `/admin/queues/login`, and the token is kept in an
 * HttpOnly, SameSite=Strict cookie limited to the dashboard's path.
 */
export function queueDashboard(queue: () => Queue, verifier: TokenVerifier): Router {
  const logger = new Logger('QueueDashboard');
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
  const guard = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = tokenOf(req);
      if (!token)
        throw new Unauthenticated('missing-token', 'The queue dashboard needs a grants office token.');
      const principal = await verifier.verify(token);
      if (!principal.roles.includes('grants-office')) throw new ForbiddenRole(['grants-office']);
      next();
    } catch (error) {
      sendProblem(error, req, res, logger);
    }
  };

  const router = Router();
  router.get('/login', (_req, res) => {
    res.type('html').send(LOGIN_PAGE);
  });
  router.post('/session', express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    try {
      const token = typeof req.body?.token === 'string' ? req.body.token.trim() : '';
      const principal = await verifier.verify(token);
      if (!principal.roles.includes('grants-office')) throw new ForbiddenRole(['grants-office']);
      res.cookie(COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: QUEUE_DASHBOARD_PATH,
      });
      res.redirect(303, QUEUE_DASHBOARD_PATH);
    } catch (error) {
      sendProblem(error, req, res, logger);
    }
  });
  router.use(guard, (req, res, next) => dashboard()(req, res, next));
  return router;
}
