const BERLIN_TIME = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Berlin',
});

/**
 * A date or instant as German staff read it in a refusal: "15.12.2011" for a calendar day,
 * "15.12.2011, 10:00 Uhr" (Berlin time) for an instant; anything else as given. The ISO form
 * stays in the problem document's facts for machines.
 */
export function germanDate(value: unknown): string {
  const text = String(value);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return `${day[3]}.${day[2]}.${day[1]}`;
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const at = Date.parse(text);
    if (Number.isFinite(at)) return `${BERLIN_TIME.format(at)} Uhr`;
  }
  return text;
}

/**
 * An instant that ends something (a call, a survey, a deadline): one ending at midnight Berlin
 * time is written as the end of its last day, "15.12.2011, 24:00 Uhr", as notices state it.
 */
export function germanClosing(value: unknown): string {
  const text = String(value);
  const at = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(at)) return germanDate(value);
  const shown = BERLIN_TIME.format(at);
  return shown.endsWith(' 00:00') ? `${BERLIN_TIME.format(at - 1).slice(0, 10)}, 24:00 Uhr` : `${shown} Uhr`;
}

/** A list in German prose: "A", "A und B", "A, B und C". */
export function germanList(items: readonly unknown[]): string {
  const words = [...items].map(String);
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} und ${words[words.length - 1]}`;
}
