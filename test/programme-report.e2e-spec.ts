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

  inChromium(
    'is an English page on Accept-Language: en: lang="en", English headings, captions and table heads',
    async () => {
      const res = await w.api.http
        .get('/programmes/kkz/report')
        .set(w.as.evaluator)
        .set('Accept-Language', 'en-GB,en;q=0.9,de;q=0.8')
        .expect(200);
      expect(res.headers['content-language']).toBe('en');
      expect(res.headers['vary']).toMatch(/Accept-Language/i);
      const context = await browser!.newContext();
      await context.route('**/*', (route) =>
        route.request().url() === 'http://report.local/'
          ? route.fulfill({ status: 200, contentType: 'text/html', body: res.text })
          : route.abort(),
      );
      const page = await context.newPage();
      try {
        await page.goto('http://report.local/', { waitUntil: 'load' });
        expect(await page.$eval('html', (root) => root.getAttribute('lang'))).toBe('en');
        expect(await page.title()).toMatch(/^Programme report: Kein Kind zurücklassen/);
        const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
        expect(headings).toEqual(
          expect.arrayContaining(['Key figures', 'Funding by source and year', 'Programme timeline']),
        );
        const text = await page.$eval('body', (body) => body.innerText);
        expect(text).toContain('Participating municipalities');
        expect(text).toContain('Granting authority “Kein Kind zurücklassen');
        expect(text).toContain('Data for “Funding by source and year”');
        // names that are data stay as the programme states them; amounts as en-GB writes them
        expect(text).toContain('Förderphase I');
        expect(text).toContain('Eigenmittel');
        expect(text).toContain('Accepted expenditure\n€34,400');
        expect(text).toContain('€17,200.00');
        expect(text).toMatch(/\d{4}-\d{2}-\d{2}–\d{4}-\d{2}-\d{2}/);
        expect(text).not.toMatch(/Kennzahlen|Stand:|Summe|Daten zu|Bewilligungsbehörde/);
        // the text alternative of a chart is its caption, in English
        const labelledBy = await page.$eval('#chart-funding svg', (svg) =>
          svg.getAttribute('aria-labelledby'),
        );
        expect(labelledBy).toBeTruthy();
        const label = await page.$eval(`#${labelledBy}`, (caption) => caption.textContent);
        expect(label).toMatch(/^Stacked columns per year from 2012 to /);
      } finally {
        await context.close();
      }
    },
  );

  it('answers the PDF in English on Accept-Language: en, and German for none, "de", "*" and German first', async () => {
    const english = await w.api.http
      .get('/programmes/kkz/report?format=pdf')
      .set(w.as.office)
      .set('Accept-Language', 'en')
      .buffer(true)
      .parse(bytes)
      .expect(200);
    expect(english.headers['content-language']).toBe('en');
    expect(english.headers['content-disposition']).toContain('programme-report-kkz.pdf');
    const pdf = readPdf(english.body as Buffer);
    expect(pdf.text).toContain('Programme report: Kein Kind zurücklassen');
    expect(pdf.text).toContain('Accepted expenditure');
    expect(pdf.text).not.toContain('Programmbericht');
    expect(pdf.info).toMatchObject({ Language: 'en-GB' });
    for (const language of [undefined, 'de', '*', 'de-DE, en;q=0.8']) {
      const request = w.api.http.get('/programmes/kkz/report?format=pdf').set(w.as.office);
      if (language) request.set('Accept-Language', language);
      const german = await request.buffer(true).parse(bytes).expect(200);
      expect({ language, lang: german.headers['content-language'] }).toEqual({ language, lang: 'de' });
      expect(german.headers['vary']).toMatch(/Accept-Language/i);
      expect(readPdf(german.body as Buffer).text).toContain('Programmbericht: Kein Kind zurücklassen');
    }
  });

  it('answers the funding exports in English on Accept-Language: en, and says so; German otherwise', async () => {
    for (const path of ['/programmes/kkz/esf-totals.csv', '/programmes/kkz/esf-totals.xlsx']) {
      for (const [language, expected] of [
        ['en', 'en'],
        ['de', 'de'],
      ] as const) {
        const res = await w.api.http
          .get(path)
          .set(w.as.office)
          .set('Accept-Language', language)
          .buffer(true)
          .parse(bytes)
          .expect(200);
        expect({ path, lang: res.headers['content-language'] }).toEqual({ path, lang: expected });
        expect(res.headers['vary']).toMatch(/Accept-Language/i);
      }
    }
    const csv = await w.api.http
      .get('/programmes/kkz/esf-totals.csv')
      .set(w.as.office)
      .set('Accept-Language', 'en')
      .expect(200);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toMatch(/^\ufeff?Year;.*;Total \(€\)$/);
    expect(lines.find((l) => l.startsWith('Total;'))).toBeDefined();
    const german = await w.api.http.get('/programmes/kkz/esf-totals.csv').set(w.as.office).expect(200);
    expect(german.text.split('\r\n')[0]).toMatch(/^\ufeff?Jahr;/);
  });

  it('refuses an unknown programme with 404 problem+json, and an unknown format with 400', async () => {
    const unknown = await w.api.http.get('/programmes/nope/report').set(w.as.office).expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    const format = await w.api.http.get('/programmes/kkz/report?format=docx').set(w.as.office).expect(400);
    expect(format.body.code).toBe('validation-failed');
  });
});
