import { readPdf } from '../testing/pdf-text';
import { reportExample } from '../testing/report-example';
import { renderProgrammeReportPdf } from './programme-report.pdf';

describe('the programme report as PDF', () => {
  it('has the figures, the charts with their axes and values as text, the data tables, and the same bytes each time', async () => {
    const pdf = await renderProgrammeReportPdf(reportExample());
    const { text, info } = readPdf(pdf.bytes);
    expect(text).toContain(
      'Programmbericht: Kein Kind zurücklassen – Kommunale Präventionsketten NRW 2011–2018',
    );
    expect(text).toContain('Stand: 7. Mai 2018, 10:30 Uhr');
    expect(text).toContain('anerkannte Ausgaben 2.517.357 €');
    expect(text).toContain('82 %');
    for (const title of [
      'Zeitleiste des Programms',
      'Förderung nach Quelle und Jahr',
      'Teilnehmende Kommunen nach Typ',
      'Ergebnisse: Online-Befragung 2017',
    ]) {
      expect(text).toContain(title);
    }
    // chart text drawn from the SVG: legend, axis and value labels
    expect(text).toMatch(/ESF Land NRW Eigenmittel/);
    expect(text).toContain('1,2 Mio. €');
    expect(text).toMatch(/2012 2013 2014 2015 2016 2017 2018/);
    // the data table under the chart, 2016 included
    expect(text).toContain('2016 0,00 € 0,00 € 0,00 € 0,00 €');
    expect(text).toContain('Summe 2.232.345,68 € 1.082.000,00 € 1.231.654,32 € 4.546.000,00 €');
    expect(text).toContain('Netzwerke aufgebaut 0 (0 %) 3 (18 %) 8 (47 %) 6 (35 %) 17');
    expect(text).toContain('Hash-Ketten aller 678 Datenströme geprüft: 12.345 Ereignisse, kein Bruch.');
    expect(info).toMatchObject({ Language: 'de-DE' });
    expect(pdf.fileName).toBe('Programmbericht-kkz-2018-05-07.pdf');
    const again = await renderProgrammeReportPdf(reportExample());
    expect(again.bytes.equals(pdf.bytes)).toBe(true);
    expect(again.sha256).toBe(pdf.sha256);
  });
});
