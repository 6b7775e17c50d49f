import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Protective headers by helmet. The content security policy lets scripts, styles, images, fonts
 * and requests come from this origin only, so that a single-page web app served at `/` lives
 * with it as it is; the Swagger UI at /docs alone may use inline styles (its page and its
 * widgets set them). No `upgrade-insecure-requests`: a local http installation would break.
 */
const directives = (inlineStyles: boolean) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
});

const headers = (inlineStyles: boolean) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: directives(inlineStyles) },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });

export function securityHeaders(): RequestHandler {
  const everywhere = headers(false);
  const docs = headers(true);
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path === '/docs' || req.path.startsWith('/docs/') ? docs : everywhere)(req, res, next);
}
