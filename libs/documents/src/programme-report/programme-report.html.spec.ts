import { reportExample } from '../testing/report-example';
import { escapeHtml, renderProgrammeReportHtml } from './programme-report.html';
import { fundingChart } from './report-charts';

describe('the programme report page (HTML)', () => {
  const html = renderProgrammeReportHtml(reportExample());

  it('is German, self-contained and forbids loading anything: no script, no external resource', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\s(src|href)=/);
  });

  it('shows every year of the programme in the funding chart and its table, 2016 without money included', () => {
    const chart = fundingChart(reportExample());
    for (const year of ['2012', '2013', '2014', '2015', '2016', '2017', '2018']) {
      expect(chart.svg).toContain(`>${year}</text>`);
      expect(chart.table.rows.map((r) => r[0])).toContain(year);
    }
    expect(chart.table.rows.find((r) => r[0] === '2016')).toEqual([
      '2016',
      '0,00\u00a0€',
      '0,00\u00a0€',
      '0,00\u00a0€',
      '0,00\u00a0€',
    ]);
    expect(chart.table.foot).toEqual([
      'Summe',
      '2.232.345,68\u00a0€',
      '1.082.000,00\u00a0€',
      '1.231.654,32\u00a0€',
      '4.546.000,00\u00a0€',
    ]);
  });

  it('names the sources as the programme names them, and labels the axis and the values in German', () => {
    const chart = fundingChart(reportExample());
    for (const name of ['ESF', 'Land NRW', 'Eigenmittel']) expect(chart.svg).toContain(`>${name}</text>`);
    expect(chart.svg).toContain('>1,2\u00a0Mio.\u00a0€</text>');
    expect(chart.svg).toContain('>425\u00a0Tsd.\u00a0€</text>');
    expect(chart.svg).toContain('>0\u00a0€</text>');
  });

  it('gives each chart a caption that labels the image and its data as a table', () => {
    for (const id of ['timeline', 'funding', 'participants', 'survey']) {
      expect(html).toContain(`<svg role="img" aria-labelledby="cap-${id}"`);
      expect(html).toMatch(new RegExp(`<figcaption id="cap-${id}">[^<]{20,}</figcaption>`));
    }
    expect(html.match(/<table>/g)).toHaveLength(4);
    expect(html).toContain('<caption>Daten zu „Förderung nach Quelle und Jahr“</caption>');
    expect(html).toContain('<th scope="row">Netzwerke aufgebaut</th><td class="num">0 (0\u00a0%)</td>');
  });

  it('escapes every text it shows, in the page and in the charts', () => {
    const view = reportExample();
    view.programme.title = 'Programm <b>"x"</b> & Co';
    view.sources[0].name = '<script>alert(1)</script>';
    const page = renderProgrammeReportHtml(view);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
    expect(escapeHtml(`<a href="x">'`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;');
  });

  it('shows names, not the programme’s id, in the text people read; the id stays in a meta tag', () => {
    const body = html.slice(html.indexOf('<body>')).replace(/<[^>]*>/g, ' ');
    expect(body).not.toMatch(/\bkkz\b/);
    expect(html).toContain('<meta name="programme-id" content="kkz">');
  });

  it('gives the same page for the same view: chart classes are numbered per chart, not per process', () => {
    expect(renderProgrammeReportHtml(reportExample())).toBe(html);
    expect(html).toContain('.funding-cls-0');
    expect(html).not.toMatch(/zr\d+-/);
  });
});
