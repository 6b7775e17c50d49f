import { contentLine, escapeText, foldLine, icalDateTime, serializeIcal, text } from './ical';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('iCalendar serializer', () => {
  it('escapes backslash, semicolon, comma and line breaks in TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('leaves a content line of 75 octets whole', () => {
    const line = `SUMMARY:${'x'.repeat(75 - 8)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds longer lines at 75 octets, continuations starting with one space', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(20)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const l of folded) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(octets(folded[0])).toBe(75);
    for (const l of folded.slice(1)) expect(l.startsWith(' ')).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it('never cuts a multi-byte UTF-8 character (umlauts, ß, €) when folding', () => {
    // 'ä' is two octets: after the 8 octets of 'SUMMARY:', a cut at 75 octets would split one.
    const line = `SUMMARY:${'ä'.repeat(50)}ß€${'ü'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    for (const l of folded) expect(octets(l)).toBeLessThanOrEqual(75);
    // Each physical line, taken as bytes on its own, is valid UTF-8.
    const strict = new TextDecoder('utf-8', { fatal: true });
    const bytes = Buffer.from(foldLine(line), 'utf8');
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || (bytes[i] === 0x0d && bytes[i + 1] === 0x0a)) {
        expect(() => strict.decode(bytes.subarray(start, i))).not.toThrow();
        start = i + 2;
      }
    }
    // Line one holds 'SUMMARY:' and 33 umlauts: 74 octets, as a 34th would make 76.
    expect(octets(folded[0])).toBe(74);
    const unfolded = folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('');
    expect(unfolded).toBe(line);
  });

  it('quotes parameter values with separators', () => {
    expect(
      contentLine({ name: 'ORGANIZER', value: 'mailto:a@b.de', params: { CN: 'Kreis Unna, Fachbereich' } }),
    ).toBe('ORGANIZER;CN="Kreis Unna, Fachbereich":mailto:a@b.de');
  });

  it('ends every line with CRLF, the last one included', () => {
    const ics = serializeIcal({
      name: 'VCALENDAR',
      properties: [{ name: 'VERSION', value: '2.0' }, text('X-WR-CALNAME', 'Fristen; Kreis Unna')],
      components: [{ name: 'VEVENT', properties: [text('SUMMARY', 'Frist')] }],
    });
    expect(ics).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Fristen\\; Kreis Unna\r\nBEGIN:VEVENT\r\nSUMMARY:Frist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes instants as UTC DATE-TIME', () => {
    expect(icalDateTime('2011-12-15T23:00:00.000Z')).toBe('20111215T230000Z');
  });
});
