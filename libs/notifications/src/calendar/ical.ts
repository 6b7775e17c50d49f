/**
 * A small iCalendar (RFC 5545) writer: components, properties, text escaping, CRLF line ends
 * and folding at 75 octets without splitting a UTF-8 character.
 */
export interface IcalProperty {
  name: string;
  /** Already in the value type's form; TEXT values go through `escapeText` (see `text`). */
  value: string;
  params?: Record<string, string>;
}

export interface IcalComponent {
  name: string;
  properties: IcalProperty[];
  components?: IcalComponent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A TEXT property. */
export function text(name: string, value: string, params?: Record<string, string>): IcalProperty {
  return { name, value: escapeText(value), params };
}

/** Parameter values with ':', ';' or ',' must be quoted; a DQUOTE cannot appear at all. */
function paramValue(value: string): string {
  const clean = value.replace(/"/g, "'").replace(/[\r\n]/g, ' ');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * Splits a content line into lines of at most 75 octets; each continuation starts with one
 * space (which counts). Characters are never cut: an umlaut is two octets, and both stay together.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = lines.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

export function contentLine(property: IcalProperty): string {
  const params = Object.entries(property.params ?? {})
    .map(([k, v]) => `;${k}=${paramValue(v)}`)
    .join('');
  return foldLine(`${property.name}${params}:${property.value}`);
}

function lines(component: IcalComponent): string[] {
  return [
    `BEGIN:${component.name}`,
    ...component.properties.map(contentLine),
    ...(component.components ?? []).flatMap(lines),
    `END:${component.name}`,
  ];
}

/** The whole object, every line ended by CRLF. */
export function serializeIcal(component: IcalComponent): string {
  return lines(component).join(CRLF) + CRLF;
}

/** `2011-12-15` → `20111215` (DATE). */
export function icalDate(day: string): string {
  return day.replace(/-/g, '');
}

/** An instant → `20111215T230000Z` (DATE-TIME in UTC). */
export function icalDateTime(instant: string | Date): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
