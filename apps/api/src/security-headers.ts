import type { IncomingMessage, ServerResponse } from 'node:http';
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
 * The headers helmet sets with these settings, taken once: they depend on nothing in the request,
 * so every response gets the same set without running helmet's dozen middlewares each time.
 */
function headerSet(inlineStyles: boolean, connectSources: string[]): Record<string, string> {
  const set: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      set[name] = String(value);
    },
    removeHeader: (name: string) => {
      delete set[name];
    },
  };
  let failure: unknown;
  headers(inlineStyles, connectSources)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      failure = error;
    },
  );
  if (failure) throw failure;
  return set;
}

/**
 * `connectSources`: other origins the web workspace may fetch from — the OIDC identity provider
 * (discovery document and token endpoint of the sign-in with PKCE), nothing else. Returns the
 * headers for a request's path (without its query).
 */
export function securityHeaders(connectSources: string[] = []): (path: string) => Record<string, string> {
  const everywhere = headerSet(false, connectSources);
  const docs = headerSet(true, connectSources);
  return (path) => (path === '/docs' || path.startsWith('/docs/') ? docs : everywhere);
}
