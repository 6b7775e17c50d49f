/** What people type into the workspace's forms, read as the API wants it (pure, unit-tested). */

/** A machine name from a person's words ("Land NRW" → "land-nrw"), for ids nobody has to type. */
export function slug(text: string): string {
  return text
    .toLocaleLowerCase('de')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** A number typed into a field, or undefined when the field is empty. */
export const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/**
 * Euros as a person types them in German ("1.234,50", "30.000", "1234.5") in cents; undefined when
 * not a number. A comma is the decimal sign; dots before groups of three digits separate thousands.
 */
export function centsOf(text: string): number | undefined {
  const cleaned = text.trim().replace(/\s|€/g, '');
  if (!cleaned) return undefined;
  const normalised = cleaned.includes(',')
    ? cleaned.replace(/\./g, '').replace(',', '.')
    : /^-?\d{1,3}(\.\d{3})+$/.test(cleaned)
      ? cleaned.replace(/\./g, '')
      : cleaned;
  const value = Number(normalised);
  return Number.isFinite(value) ? Math.round(value * 100) : undefined;
}
