/**
 * What the request log may say about a request and its answer. Headers are allow-listed, not
 * deny-listed: a credential in a header nobody thought of (Authorization, Cookie, Set-Cookie with
 * the dashboard's session, a proxy's or a webhook's signature) shows as present, never with its
 * value. Query values under names that sound like credentials are masked in the URL too.
 */
const REQUEST_HEADERS = new Set([
  'host',
  'user-agent',
  'accept',
  'accept-language',
  'accept-encoding',
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'idempotency-key',
  'if-match',
  'origin',
  'x-correlation-id',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-real-ip',
]);

const RESPONSE_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-language',
  'content-disposition',
  'location',
  'retry-after',
  'idempotent-replayed',
  'x-correlation-id',
]);

export const REDACTED = '[redacted]';

/** Query parameter names whose values are never logged. */
const SECRET_NAME = /token|secret|password|passwd|session|signature|key|auth|cookie|code/i;

/** Paths pino masks on top, should another serializer ever put them back. */
export const LOG_REDACTION = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["proxy-authorization"]',
    'res.headers["set-cookie"]',
  ],
  censor: REDACTED,
};

/**
 * The allowed headers with their values; of the others, a request's show as present (whether a
 * token was sent is worth knowing), a response's are left out (the same security headers on every
 * line), except a cookie being set.
 */
function keptHeaders(
  headers: unknown,
  allowed: Set<string>,
  others: 'marked' | 'cookie-only',
): Record<string, unknown> | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    const lower = name.toLowerCase();
    if (allowed.has(lower)) kept[name] = value;
    else if (others === 'marked' || lower === 'set-cookie') kept[name] = REDACTED;
  }
  return kept;
}

/** The URL with the values of credential-like query parameters masked. */
export function urlWithoutSecrets(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: judged by its raw name.
      }
      return SECRET_NAME.test(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

/** For pino-http's `req` serializer (it receives pino's standard serialization). */
export function loggableRequest<R extends { url?: string; headers?: unknown; query?: unknown }>(req: R): R {
  const safe = { ...req, headers: keptHeaders(req.headers, REQUEST_HEADERS, 'marked') };
  if (typeof req.url === 'string') safe.url = urlWithoutSecrets(req.url);
  if (req.query && typeof req.query === 'object') {
    safe.query = Object.fromEntries(
      Object.entries(req.query as Record<string, unknown>).map(([name, value]) => [
        name,
        SECRET_NAME.test(name) ? REDACTED : value,
      ]),
    );
  }
  // pino keeps the raw request on a non-enumerable `raw`; the spread left it behind, as it should.
  return safe as R;
}

/** For pino-http's `res` serializer. */
export function loggableResponse<R extends { headers?: unknown }>(res: R): R {
  return { ...res, headers: keptHeaders(res.headers, RESPONSE_HEADERS, 'cookie-only') };
}
