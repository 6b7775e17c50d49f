import { readPdf } from '../testing/pdf-text';
import { reportExample } from '../testing/report-example';
import { renderProgrammeReportHtml } from './programme-report.html';
import { renderProgrammeReportPdf } from './programme-report.pdf';
import type { ProgrammeReportView } from './programme-report.view';
import { fundingChart } from './report-charts';

/** The example as the query fills it for English: its labels in English, the names as they are. */
function englishExample(): ProgrammeReportView {
  const view = reportExample();
  return {
    ...view,
    locale: 'en',
    headline: [
      { label: 'Accepted expenditure', value: 251_735_749, unit: 'money-cents' },
      { label: 'Participating municipalities', value: 1234, unit: 'count' },
    ],
  };
}

describe('the programme report in English', () => {
  it('is a PDF worded in English with English numbers and dates; names stay as the programme states them', async () => {
    const pdf = await renderProgrammeReportPdf(englishExample());
    const { text, info } = readPdf(pdf.bytes);
    expect(text).toContain(
      'Programme report: Kein Kind zurücklassen – Kommunale Präventionsketten NRW 2011–2018',
    );
    expect(text).toContain('As of: 7 May 2018');
    expect(text).toContain('Key figures');
    expect(text).toContain('Accepted expenditure €2,517,357');
    expect(text).toContain('Participating municipalities 1,234');
    for (const title of [
      'Programme timeline',
      'Funding by source and year',
      'Participating municipalities by type',
      'Results: Online-Befragung 2017',
    ]) {
      expect(text).toContain(title);
    }
    // chart text drawn from the SVG: the sources by their names, English amounts on the axis
    expect(text).toMatch(/ESF Land NRW Eigenmittel/);
    expect(text).toContain('€1.2m');
    expect(text).toContain('2016 €0.00 €0.00 €0.00 €0.00');
    expect(text).toContain('Total €2,232,345.68 €1,082,000.00 €1,231,654.32 €4,546,000.00');
    expect(text).toContain('Hash chains of all 678 streams checked: 12,345 events, no break.');
    expect(text).toContain('Page 1 of');
    for (const german of ['Programmbericht', 'Stand:', 'Kennzahlen', 'Summe', 'Seite 1', 'Mio.']) {
      expect({ german, found: text.includes(german) }).toEqual({ german, found: false });
    }
    expect(info).toMatchObject({ Language: 'en-GB' });
    expect(pdf.fileName).toBe('Programme-report-kkz-2018-05-07.pdf');
    const again = await renderProgrammeReportPdf(englishExample());
    expect(again.sha256).toBe(pdf.sha256);
  });

  it('is an HTML page with lang="en", English captions as text alternatives and English table heads', () => {
    const html = renderProgrammeReportHtml(englishExample());
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<h2 id="h-figures">Key figures</h2>');
    expect(html).toContain('<caption>Data for “Funding by source and year”</caption>');
    expect(html).toContain('€4,546,000.00 in total.');
    expect(html).not.toMatch(/Daten zu|Kennzahlen|Gestapelte|Zeitleiste|insgesamt/);
    const chart = fundingChart(englishExample());
    expect(chart.table.head).toEqual(['Year', 'ESF', 'Land NRW', 'Eigenmittel', 'Total']);
    expect(chart.svg).toContain('>Euros</text>');
    expect(chart.svg).toContain('>€1.2m</text>');
  });

  it('stays German when no language is given', () => {
    expect(renderProgrammeReportHtml(reportExample())).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(fundingChart(reportExample()).table.head[0]).toBe('Jahr');
  });
});
