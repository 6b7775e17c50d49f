import type { DeadlineFacts } from '../deadline-facts';
import { deadlineCalendar } from './deadline-calendar';

const deadline = (overrides: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  deadlineId: 'kkz-2011.council-resolution.05978000',
  kind: 'council-resolution-due',
  subject: { applicationId: 'kkz-2011.05978000', callId: 'kkz-2011' },
  obligedAgs: ['05978000'],
  statedDueDate: '2012-05-12',
  // 12 May 2012 is a Saturday: § 193 BGB moves the end to Monday 14 May, 24:00 Berlin (CEST).
  dueAt: '2012-05-14T22:00:00.000Z',
  reminderOffsetsDays: [14, 7, 1, 0],
  status: 'open',
  missed: false,
  sequence: 0,
  changedAt: '2012-02-14T10:00:00.000Z',
  ...overrides,
});

/** Unfolds continuation lines (RFC 5545 §3.1) and splits at CRLF. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('a municipality deadline calendar', () => {
  const ics = deadlineCalendar({ ags: '05978000', name: 'Kreis Unna' }, [
    deadline(),
    deadline({ deadlineId: 'met-one', status: 'met' }),
    deadline({ deadlineId: 'cancelled-one', status: 'cancelled' }),
  ]);
  const lines = unfold(ics);

  it('is a published VCALENDAR 2.0 with a product id and a name', () => {
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      expect.stringMatching(/^PRODID:-\/\/.+\/\/DE$/),
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines).toContain('X-WR-CALNAME:Förderfristen – Kreis Unna');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('has one all-day event on the last day after § 193 BGB, for open deadlines only', () => {
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain('UID:kkz-2011.council-resolution.05978000@fristen.praeventionsketten.nrw.de');
    expect(lines).toContain('DTSTART;VALUE=DATE:20120514');
    expect(lines).toContain('DTEND;VALUE=DATE:20120515');
    expect(lines).toContain('DTSTAMP:20120214T100000Z');
    expect(lines).toContain('SUMMARY:Frist: Ratsbeschluss zur Bewerbung kkz-2011.05978000');
    const description = lines.find((l) => l.startsWith('DESCRIPTION:Frist')) ?? '';
    expect(description).toContain('Fällig: Montag\\, 14. Mai 2012\\, 24:00 Uhr');
    expect(description).toContain('Genannter Termin: Samstag\\, 12. Mai 2012');
  });

  it('keeps every physical line within 75 octets', () => {
    for (const l of ics.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('sets an alarm per reminder offset, at 08:00 of the day, when the reminder goes out', () => {
    expect(lines.filter((l) => l.startsWith('TRIGGER:'))).toEqual([
      'TRIGGER:-P13DT16H',
      'TRIGGER:-P6DT16H',
      'TRIGGER:-PT16H',
      'TRIGGER:PT8H',
    ]);
  });

  it('counts an extension in SEQUENCE and keeps the UID', () => {
    const extended = unfold(
      deadlineCalendar({ ags: '05978000' }, [
        deadline({ sequence: 1, dueAt: '2012-06-15T22:00:00.000Z', statedDueDate: '2012-06-15' }),
      ]),
    );
    expect(extended).toContain('SEQUENCE:1');
    expect(extended).toContain('DTSTART;VALUE=DATE:20120615');
    expect(extended).toContain('UID:kkz-2011.council-resolution.05978000@fristen.praeventionsketten.nrw.de');
  });

  it('leaves out a deadline whose due instant cannot be read, instead of failing the feed', () => {
    const feed = unfold(deadlineCalendar({ ags: '05978000' }, [deadline({ dueAt: 'soon' })]));
    expect(feed).not.toContain('BEGIN:VEVENT');
  });
});
