import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

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

const PAGE = new RegExp(`^/(${WEB_PAGE_ROOTS.join('|')})(/|$)`);

/**
 * Serves the built web workspace (dist/web) at `/`: its files under /assets (named by content
 * hash, cached for a year), and index.html for `/` and every page of the workspace, so that a
 * bookmarked URL opens its page. Nothing else is touched: every other path goes on to the API.
 * The page loads its script and styles from this origin only, which the API's CSP allows.
 */
export function webWorkspace(webRoot: string): RequestHandler {
  const index = join(webRoot, 'index.html');
  const assets = express.static(join(webRoot, 'assets'), {
    fallthrough: false,
    immutable: true,
    maxAge: '365d',
    index: false,
    redirect: false,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path.startsWith('/assets/')) {
      if (!existsSync(index)) return next();
      req.url = req.url.slice('/assets'.length);
      return assets(req, res, next);
    }
    if (req.path !== '/' && req.path !== '/index.html' && !PAGE.test(req.path)) return next();
    if (!existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (error) => (error ? next(error) : undefined));
  };
}
