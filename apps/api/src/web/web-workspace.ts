import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/**
 * The first path segments of the web workspace's pages (apps/web/src/routes.ts). German words,
 * so that none of them is an API route: a bookmarked page of the workspace and an API call can
 * never be mistaken for one another, and the API's routes keep their precedence.
 */
export const WEB_PAGE_ROOTS = [
  'anmelden',
  'anmeldung',
  'start',
  'aufrufe',
  'interessenbekundungen',
  'fristen',
  'posteingang',
  'aufgaben',
  'auswahl',
  'zuwendungen',
  'foerderprogramme',
  'auswertung',
  'pruefung',
  'meine-programme',
  'meine-zuwendungen',
  'berichte',
  'einladungen',
  'benachrichtigungen',
  'befragungen',
] as const;

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Serves the built web workspace (dist/web) at `/`: its files under /assets (named by content
 * hash, cached for a year), and index.html for `/` and every page of the workspace, so that a
 * bookmarked URL opens its page. Nothing else is touched: every other path is the API's. Without
 * a built workspace these paths answer 404 like any unknown one. The page loads its script and
 * styles from this origin only, which the API's CSP allows.
 */
export async function registerWebWorkspace(app: NestFastifyApplication, webRoot: string): Promise<void> {
  const index = join(webRoot, 'index.html');
  const assets = join(webRoot, 'assets');
  // Only `reply.sendFile` (ranges, conditional requests, types); the routes are these below.
  await app.register(fastifyStatic, { root: webRoot, serve: false });
  const fastify = app.getHttpAdapter().getInstance();

  const page = async (_request: unknown, reply: FastifyReply) => {
    if (!existsSync(index)) return reply.callNotFound();
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html', webRoot, { cacheControl: false });
  };
  for (const path of ['/', '/index.html', ...WEB_PAGE_ROOTS.flatMap((root) => [`/${root}`, `/${root}/*`])])
    fastify.get(path, page);

  fastify.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
    if (!existsSync(index)) return reply.callNotFound();
    return reply.sendFile(request.params['*'], assets, { immutable: true, maxAge: YEAR_MS, index: false });
  });
}
