const CALENDAR_PATH = /^(\/calendar\/[^/?#]+\/)([^/?#]+)(\.ics)/;

/** A calendar feed URL as it may be logged: the token, which is the feed's only credential, masked. */
export function maskCalendarToken(url: string): string {
  return url.replace(CALENDAR_PATH, '$1***$3');
}

/**
 * A pino-http request serializer (apps/api's logger): the calendar feed's token stands in its
 * path, and request logs must not carry credentials. Masks the URL and wherever the token shows
 * in the route parameters (by name, or inside a wildcard's path segments).
 */
export function requestWithoutCalendarToken<R extends { url?: string; params?: unknown }>(req: R): R {
  const token = typeof req.url === 'string' ? CALENDAR_PATH.exec(req.url)?.[2] : undefined;
  if (!token) return req;
  req.url = maskCalendarToken(req.url as string);
  if (req.params !== undefined) req.params = JSON.parse(JSON.stringify(req.params).split(token).join('***'));
  return req;
}
