import type { Locale } from '@app/eventsourcing';

/**
 * The language of a response from `Accept-Language` (RFC 9110 § 12.5.4): German unless the client
 * ranks English above German. Only the primary subtag counts (`en-GB` is English).
 */
export function preferredLocale(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return 'de';
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    if (primary !== 'de' && primary !== 'en' && primary !== '*') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const locale: Locale = primary === 'en' ? 'en' : 'de';
    if (!best || q > best.q) best = { locale, q };
  }
  return best?.locale ?? 'de';
}

/** What a response needs to say its language: Fastify's reply and Express's response have both. */
export interface HeaderTarget {
  header(name: string, value: string): unknown;
  getHeader(name: string): unknown;
}

/**
 * Marks a response as written in `locale` (`Content-Language`) and as chosen by the request's
 * `Accept-Language` (`Vary`, so a cache keeps the German and the English answer apart).
 */
export function setContentLanguage(res: HeaderTarget, locale: Locale): void {
  res.header('Content-Language', locale);
  const vary = res.getHeader('vary');
  const fields = vary === undefined ? '' : String(vary);
  if (!/(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(fields))
    res.header('Vary', fields ? `${fields}, Accept-Language` : 'Accept-Language');
}
