import { createHash } from 'node:crypto';
import type { RenderedPdf } from '../pdf/render-pdf';
import { noticeExample } from '../testing/letter-examples';
import { readPdf } from '../testing/pdf-text';
import { renderGrantNotice } from './grant-notice.pdf';

describe('the grant notice (Zuwendungsbescheid) as PDF', () => {
  let pdf: RenderedPdf;
  let text: string;
  beforeAll(async () => {
    pdf = await renderGrantNotice(noticeExample());
    text = readPdf(pdf.bytes).text;
  });

  it('follows Grundmuster 2: heading, addressee, I. Bewilligung, II. Nebenbestimmungen, III. Hinweise, Rechtsbehelfsbelehrung, signature', async () => {
    const order = [
      'Bezirksregierung Arnsberg',
      'Kreis Unna',
      'Zuwendungsbescheid (Projektförderung)',
      'I. Bewilligung',
      'Zweck der Zuwendung',
      'Art, Finanzierungsart und Form',
      'Finanzierungsplan',
      'II. Nebenbestimmungen',
      'III. Hinweise',
      'Rechtsbehelfsbelehrung',
      'Mit freundlichen Grüßen',
      'Dr. Anna Beispiel',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('states the reference, date, addressee, amount in figures and words, period and financing by source', async () => {
    expect(text).toContain('48.01.02-2026/017');
    expect(text).toContain('Arnsberg, 15. Juni 2026');
    expect(text).toContain('Friedrich-Ebert-Straße 17');
    expect(text).toContain(
      'Auf Ihren Antrag vom 16. März 2026 hin bewillige ich Ihnen für die Phase „Aufbau“',
    );
    expect(text).toContain('vom 1. Juli 2026 bis 31. Dezember 2027 (Bewilligungszeitraum)');
    expect(text).toContain('90.000,00 € (in Buchstaben: neunzigtausend Euro)');
    expect(text).toContain('Projektförderung');
    expect(text).toContain(
      'Anteilfinanzierung in Höhe von 80 % der zuwendungsfähigen Gesamtausgaben von 112.500,00 €',
    );
    expect(text).toContain('Zuweisung');
    expect(text).toMatch(/Bund Zuwendung 56\.250,00 € 50 %/);
    expect(text).toMatch(/Land NRW Zuwendung 33\.750,00 € 30 %/);
    expect(text).toMatch(/Eigenmittel Eigenmittel 22\.500,00 € 20 %/);
    expect(text).toMatch(/Zuwendungsfähige Gesamtausgaben 112\.500,00 € 100 %/);
  });

  it('makes the ANBest-G part of the notice, with the programme’s conditions, reports and proof of use', async () => {
    expect(text).toContain(
      'Die beigefügten ANBest-G sind Bestandteil dieses Bescheides. Die Nummern 1.3, 5.4 finden keine Anwendung.',
    );
    expect(text).toContain(
      'Anlagen: Allgemeine Nebenbestimmungen für Zuwendungen zur Projektförderung an Gemeinden (GV) (ANBest-G); Vordruck Verwendungsnachweis',
    );
    expect(text).toContain('„Schulen angebunden“');
    expect(text).toMatch(/3\. Quartal 2026 30\. Oktober 2026/);
    expect(text).toContain('bis zum 30. Juni 2028 nachzuweisen (Verwendungsnachweis)');
    expect(text).toContain('mit 5 Prozentpunkten über dem Basiszinssatz');
  });

  it('gives the office’s postal address in the letterhead, above the return line of the address field', () => {
    const head = text.indexOf('Seibertzstraße 1 · 59821 Arnsberg');
    const returnLine = text.indexOf('Bezirksregierung Arnsberg · Seibertzstraße 1 · 59821 Arnsberg');
    expect(returnLine).toBeGreaterThan(0);
    expect(head).toBeGreaterThan(text.indexOf('Bezirksregierung Arnsberg'));
    expect(head).toBeLessThan(returnLine);
  });

  it('names the court from the input in the Rechtsbehelfsbelehrung: Klage within one month', async () => {
    expect(text).toContain(
      'innerhalb eines Monats nach seiner Bekanntgabe Klage erhoben werden beim Verwaltungsgericht Arnsberg, Jägerstraße 1, 59821 Arnsberg',
    );
    const elsewhere = readPdf(
      (
        await renderGrantNotice({
          ...noticeExample(),
          court: {
            name: 'Verwaltungsgericht Gelsenkirchen',
            addressLines: ['Bahnhofsvorplatz 3', '45879 Gelsenkirchen'],
          },
        })
      ).bytes,
    );
    expect(elsewhere.text).toContain('beim Verwaltungsgericht Gelsenkirchen, Bahnhofsvorplatz 3');
  });

  it('gives a Begründung only where the notice has reasons', async () => {
    expect(text).not.toContain('Begründung');
    const reasoned = {
      ...noticeExample(),
      reasons: ['Die beantragten Reisekosten sind nicht zuwendungsfähig.'],
    };
    expect(readPdf((await renderGrantNotice(reasoned)).bytes).text).toContain(
      'Begründung Die beantragten Reisekosten sind nicht zuwendungsfähig.',
    );
  });

  it('is byte-identical when regenerated from the same notice, and returns the SHA-256 of its bytes', async () => {
    const again = await renderGrantNotice(noticeExample());
    expect(again.bytes.equals(pdf.bytes)).toBe(true);
    expect(pdf.sha256).toBe(createHash('sha256').update(pdf.bytes).digest('hex'));
    expect(again.sha256).toBe(pdf.sha256);
    expect(pdf.fileName).toBe('Zuwendungsbescheid-Kreis-Unna-48.01.02-2026-017.pdf');
  });

  it('shows people the Aktenzeichen and names, and keeps the grant’s id in the metadata for machines', () => {
    expect(text).not.toContain('dbl-2026.05978000');
    expect(readPdf(pdf.bytes).info.Keywords).toContain('dbl-2026.05978000');
  });

  it('refuses a notice whose financing plan does not add up to the eligible total', async () => {
    const wrong = { ...noticeExample(), eligibleTotalCents: 11_250_001 };
    await expect(renderGrantNotice(wrong)).rejects.toThrow(
      /adds up to 11250000 cents, not to the eligible total 11250001/,
    );
  });
});
