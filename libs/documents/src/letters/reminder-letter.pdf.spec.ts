import { reminderExample } from '../testing/letter-examples';
import { readPdf } from '../testing/pdf-text';
import { renderReminderLetter } from './reminder-letter.pdf';

describe('the reminder letter as PDF', () => {
  it('says what is due, when, by whom, what follows if it is missed, and whom to ask', async () => {
    const pdf = await renderReminderLetter(reminderExample());
    const { text, info, numPages } = readPdf(pdf.bytes);
    expect(numPages).toBe(1);
    expect(text).toContain('Erinnerung an eine Frist');
    expect(text).toContain(
      'wir erinnern Sie an die Frist „Zwischenbericht für das 3. Quartal 2026“. Sie endet am 2. November 2026 um 24:00 Uhr.',
    );
    expect(text).toContain('Wer Kreis Unna');
    expect(text).toContain('Fällig bis Montag, 2. November 2026, 24:00 Uhr');
    expect(text).toContain(
      'Genannter Termin 31.10.2026 (nach § 31 Abs. 3 VwVfG NRW auf den nächsten Werktag verschoben)',
    );
    expect(text).toContain('Wenn die Frist versäumt wird');
    expect(text).toContain('Weitere Mittel werden erst nach Eingang des Berichts ausgezahlt.');
    expect(text).toContain(
      'Bei Fragen hilft Ihnen Frau Dvořák gern weiter (Telefon 02931 82-0000, E-Mail foerderung@bra.nrw.example).',
    );
    expect(text).toContain('Az. 48.01.02-2026/017');
    expect(info).toMatchObject({ Language: 'de-DE' });
    expect(pdf.fileName).toBe('Erinnerung-an-eine-Frist-Kreis-Unna-2026-11-02.pdf');
    expect(text).not.toContain('report-due.dbl-2026');
    expect(info.Keywords).toBe('report-due.dbl-2026.05978000.2026-q3');
  });

  it('tells a missed deadline as such, without calling itself void', async () => {
    const { text } = readPdf(
      (await renderReminderLetter({ ...reminderExample(), kind: 'missed', sentOn: '2026-11-03' })).bytes,
    );
    expect(text).toContain('Versäumte Frist');
    expect(text).toContain(
      'die Frist „Zwischenbericht für das 3. Quartal 2026“ ist am 2. November 2026 um 24:00 Uhr abgelaufen',
    );
    expect(text).toContain('Was nun folgt');
    expect(text).not.toContain('gegenstandslos');
  });

  it('writes English on request, and is byte-identical when regenerated', async () => {
    const english = {
      ...reminderExample(),
      locale: 'en' as const,
      obligation: { ...reminderExample().obligation, what: 'Interim report for Q3 2026' },
    };
    const pdf = await renderReminderLetter(english);
    const { text, info } = readPdf(pdf.bytes);
    expect(text).toContain('Reminder of a deadline');
    expect(text).toContain('Due by Monday, 2 November 2026, midnight (Berlin time)');
    expect(text).toContain(
      'we would like to remind you of the deadline “Interim report for Q3 2026”. It ends on 2 November 2026',
    );
    expect(text).toContain('Page 1 of 1');
    expect(info).toMatchObject({ Language: 'en-GB' });
    expect((await renderReminderLetter(english)).bytes.equals(pdf.bytes)).toBe(true);
  });
});
