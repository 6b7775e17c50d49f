import type { Browser } from 'playwright-core';
import type { Response } from 'supertest';
import { readPdf } from '@app/documents/testing/pdf-text';
import { chromiumMissing, launchChromium } from '@app/documents/testing/chromium';
import { reportContent, startEsfWorld, type EsfWorld } from './support/esf-reporting-world';

const missing = chromiumMissing();
if (missing) console.warn(`programme report route in Chromium: ${missing}`);
const inChromium = missing ? it.skip : it;

/** The bytes of a binary answer (supertest leaves PDF unparsed otherwise). */
const bytes = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('GET /programmes/:id/report: the programme report served live from the read models', () => {
  let w: EsfWorld;
  let browser: Browser | undefined;

  beforeAll(async () => {
    w = await startEsfWorld();
    await w.openPeriods(w.unnaGrant);
    await w.openPeriods(w.oberhausenGrant);
    w.api.clock.set('2013-01-15T10:00:00.000Z');
    for (const [grant, who] of [
      [w.unnaGrant, w.as.unna],
      [w.oberhausenGrant, w.as.oberhausen],
    ] as const) {
      await w.submit(`${grant}.2012`, reportContent(860_000, 420_000, 440_000), who).expect(201);
      await w.api.http.post(`/esf-reports/${grant}.2012/acceptance`).set(w.as.office).expect(200);
    }
    if (!missing) browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await w?.api.close();
  });

  inChromium(
    'is a German page whose charts have a real size, and that sends no request off the machine',
    async () => {
      const res = await w.api.http.get('/programmes/kkz/report').set(w.as.evaluator).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      const html = res.text;
      expect(html).toContain('Kein Kind zurücklassen');
      const context = await browser!.newContext();
      const external: string[] = [];
      // The page is served as the API served it; every request it makes is intercepted and refused.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url === 'http://report.local/')
          return route.fulfill({ status: 200, contentType: 'text/html', body: html });
        external.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      try {
        await page.goto('http://report.local/', { waitUntil: 'load' });
        expect(await page.$eval('html', (root) => root.getAttribute('lang'))).toBe('de');
        const charts = await page.$$eval('figure.chart svg', (svgs) =>
          svgs.map((svg) => {
            const box = svg.getBoundingClientRect();
            return { width: box.width, height: box.height };
          }),
        );
        expect(charts.length).toBeGreaterThanOrEqual(3);
        for (const chart of charts) {
          expect(chart.width).toBeGreaterThan(0);
          expect(chart.height).toBeGreaterThan(0);
        }
        const fundingTexts = await page.$$eval('#chart-funding svg text', (texts) =>
          texts.map((t) => t.textContent),
        );
        expect(fundingTexts).toEqual(expect.arrayContaining(['2012', 'ESF', 'Land', 'Eigenmittel']));
        const text = await page.$eval('body', (body) => body.innerText);
        expect(text).toContain('Förderphase I');
        expect(text).toContain('Kreisfreie Städte');
        expect(text).not.toMatch(/\b[a-z]+\.phase-\d\.\d{8}/);
        expect(text).not.toMatch(/AGS \d{8}/);
        expect(external).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('answers a PDF for Accept: application/pdf and for ?format=pdf, with the figures as text', async () => {
    for (const request of [
      w.api.http.get('/programmes/kkz/report').set(w.as.auditor).set('Accept', 'application/pdf'),
      w.api.http.get('/programmes/kkz/report?format=pdf').set(w.as.office),
    ]) {
      const res = await request.buffer(true).parse(bytes).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = readPdf(res.body as Buffer);
      expect(pdf.text).toContain('Programmbericht: Kein Kind zurücklassen');
      expect(pdf.text).toContain('Förderphase I');
    }
  });

  it('refuses an unknown programme with 404 problem+json, and an unknown format with 400', async () => {
    const unknown = await w.api.http.get('/programmes/nope/report').set(w.as.office).expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    const format = await w.api.http.get('/programmes/kkz/report?format=docx').set(w.as.office).expect(400);
    expect(format.body.code).toBe('validation-failed');
  });
});
