import { readPdf } from '../testing/pdf-text';
import { fileNameOf, renderPdf } from './render-pdf';

const metadata = {
  title: 'Prüfung',
  author: 'Bezirksregierung Arnsberg',
  subject: 'Test',
  date: '2026-03-15',
};
const definition = () => ({
  content: [
    { text: 'Zuwendungsbescheid für Kreis Unna', bold: true },
    'Größe: 1.234,56\u00a0€ – „Anführung“ § 44 LHO, Dvořák, Ελλάδα, Москва',
  ],
});

describe('rendering a PDF', () => {
  it('embeds a font that prints German text, € and §, readable back by PDF.js', async () => {
    const pdf = await renderPdf(definition(), metadata, 'x.pdf');
    const reading = readPdf(pdf.bytes);
    expect(reading.text).toContain('Zuwendungsbescheid für Kreis Unna');
    expect(reading.text).toContain('Größe: 1.234,56 € – „Anführung“ § 44 LHO, Dvořák, Ελλάδα, Москва');
    expect(reading.info).toMatchObject({
      Title: 'Prüfung',
      Author: 'Bezirksregierung Arnsberg',
      Language: 'de-DE',
    });
    expect(pdf.bytes.toString('latin1')).toMatch(/\/FontFile2/);
    expect(pdf.bytes.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('gives the same bytes and SHA-256 when regenerated from the same input, and others for another date', async () => {
    const first = await renderPdf(definition(), metadata, 'x.pdf');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await renderPdf(definition(), metadata, 'x.pdf');
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const other = await renderPdf(definition(), { ...metadata, date: '2026-03-16' }, 'x.pdf');
    expect(other.sha256).not.toBe(first.sha256);
  });

  it('names files in plain letters', () => {
    expect(fileNameOf('Zuwendungsbescheid', 'Kreis Unna', 'Größe/2026')).toBe(
      'Zuwendungsbescheid-Kreis-Unna-Grosse-2026.pdf',
    );
  });
});
