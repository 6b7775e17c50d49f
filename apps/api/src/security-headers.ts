import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Protective headers by helmet. The content security policy lets scripts, styles, images, fonts
 * and requests come from this origin only, so that a single-page web app served at `/` lives
 * with it as it is; the Swagger UI at /docs alone may use inline styles (its page and its
 * widgets set them). No `upgrade-insecure-requests`: a local http installation would break.
 */
const directives = (inlineStyles: boolean, connectSources: string[]) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'", ...connectSources],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
});

const headers = (inlineStyles: boolean, connectSources: string[]) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: directives(inlineStyles, connectSources) },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });

/**
 * `connectSources`: other origins the web workspace may fetch from — the OIDC identity provider
 * (discovery document and token endpoint of the sign-in with PKCE), nothing else.
 */
export function securityHeaders(connectSources: string[] = []): RequestHandler {
  const everywhere = headers(false, connectSources);
  const docs = headers(true, connectSources);
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path === '/docs' || req.path.startsWith('/docs/') ? docs : everywhere)(req, res, next);
}
