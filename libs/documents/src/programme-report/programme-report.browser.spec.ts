import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from '../testing/chromium';
import { reportExample } from '../testing/report-example';
import { renderProgrammeReportHtml } from './programme-report.html';

const missing = chromiumMissing();
if (missing) console.warn(`programme report in Chromium: ${missing}`);
const describeInChromium = missing ? describe.skip : describe;

/** Serves one page on 127.0.0.1, as the API will; every request elsewhere is counted and refused. */
async function openPage(
  browser: Browser,
  html: string,
): Promise<{ page: Page; external: string[]; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const context = await browser.newContext();
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' && url.port === String(port)) return route.continue();
    external.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
  return {
    page,
    external,
    close: async () => {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describeInChromium('the programme report page in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart at a real size, in German, and sends no request off the machine', async () => {
    const { page, external, close } = await openPage(browser, renderProgrammeReportHtml(reportExample()));
    try {
      expect(await page.$eval('html', (root) => root.getAttribute('lang'))).toBe('de');
      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((figure) => {
          const svg = figure.querySelector('svg')!;
          const box = svg.getBoundingClientRect();
          const label = figure.ownerDocument.getElementById(svg.getAttribute('aria-labelledby')!);
          return {
            id: figure.id,
            width: box.width,
            height: box.height,
            role: svg.getAttribute('role'),
            label: label?.textContent ?? '',
            tableFollows: figure.nextElementSibling?.querySelector('table') !== null,
          };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual([
        'chart-timeline',
        'chart-funding',
        'chart-participants',
        'chart-survey',
      ]);
      for (const chart of charts) {
        expect(chart.width).toBeGreaterThan(300);
        expect(chart.height).toBeGreaterThan(150);
        expect(chart.role).toBe('img');
        expect(chart.label.length).toBeGreaterThan(20);
        expect(chart.tableFollows).toBe(true);
      }
      const fundingTexts = await page.$$eval('#chart-funding svg text', (texts) =>
        texts.map((t) => t.textContent),
      );
      expect(fundingTexts).toEqual(
        expect.arrayContaining(['2015', '2016', '2017', 'ESF', 'Land NRW', 'Eigenmittel']),
      );
      expect(external).toEqual([]);
    } finally {
      await close();
    }
  });

  it('would notice a request leaving the machine (the counter works)', async () => {
    const leaky = renderProgrammeReportHtml(reportExample())
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace('</main>', '<img src="https://cdn.example.invalid/logo.png" alt=""></main>');
    const { external, close } = await openPage(browser, leaky);
    try {
      expect(external).toEqual(['https://cdn.example.invalid/logo.png']);
    } finally {
      await close();
    }
  });
});
