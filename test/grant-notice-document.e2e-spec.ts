import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { readPdf } from '@app/documents/testing/pdf-text';
import { startEsfWorld, type EsfWorld } from './support/esf-reporting-world';

const bytes = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('the grant notice as PDF: recorded by its SHA-256 when issued, byte-identical when regenerated', () => {
  let w: EsfWorld;
  const notice = (who: Record<string, string>) =>
    w.api.http.get(`/grants/${w.unnaGrant}/notice.pdf`).set(who).buffer(true).parse(bytes);

  beforeAll(async () => {
    w = await startEsfWorld();
  });
  afterAll(() => w?.api.close());

  it('records the notice document in an event and shows it on the grant', async () => {
    const events = await w.api.store.readStream(`grant-notice-document-${w.unnaGrant}`);
    expect(events.map((e) => e.type)).toEqual(['GrantNoticeDocumentRecorded']);
    const grant = (await w.api.http.get(`/grants/${w.unnaGrant}`).set(w.as.auditor).expect(200)).body;
    expect(grant.noticeDocument).toEqual({
      ...(events[0].data as object),
      grantId: undefined,
    } as object);
    expect(grant.noticeDocument.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(grant.noticeDocument).toMatchObject({ templateVersion: 3, generatedAt: grant.issuedAt });
    // Names for people beside the ids for machines.
    expect(grant).toMatchObject({
      ags: '05978000',
      municipalityName: 'Kreis Unna',
      phaseName: 'Förderphase I',
      programmeTitle: 'Kein Kind zurücklassen – Kommunen in NRW beugen vor',
    });
  });

  it('serves the very bytes whose SHA-256 was recorded, to the grantee and to the auditor, the same each time', async () => {
    const grant = (await w.api.http.get(`/grants/${w.unnaGrant}`).set(w.as.office).expect(200)).body;
    const first = await notice(w.as.unna).expect(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const body = first.body as Buffer;
    const sha256 = createHash('sha256').update(body).digest('hex');
    expect(sha256).toBe(grant.noticeDocument.sha256);
    expect(first.headers['x-document-sha256']).toBe(sha256);
    const again = await notice(w.as.auditor).expect(200);
    expect(Buffer.compare(again.body as Buffer, body)).toBe(0);

    const { text } = readPdf(body);
    expect(text).toContain('Zuwendungsbescheid');
    expect(text).toContain('Kreis Unna');
    expect(text).toContain('Kein Kind zurücklassen');
    expect(text).toContain('Förderphase I');
    expect(text).toContain('Rechtsbehelfsbelehrung');
    expect(text).toContain('64.000,00');
  });

  it('lists the reports the grant owes with their due dates, the same reporting opens, and the proof of use', async () => {
    const { text } = readPdf((await notice(w.as.office).expect(200)).body as Buffer);
    expect(text).not.toContain('Zwischenberichte sind nicht vorzulegen');
    expect(text).toContain(
      'Zwischenberichte (Sachbericht und zahlenmäßiger Nachweis) sind zu folgenden Terminen vorzulegen',
    );
    // Terms version 0: a report a year (the part of it the grant covers), due 30 April after.
    expect(text).toMatch(/01\.03\.2012–31\.12\.2012 30\. April 2013/);
    expect(text).toMatch(/2013 30\. April 2014/);
    expect(text).toMatch(/2014 30\. April 2015/);
    expect(text).toMatch(/1\. Halbjahr 2015 31\. Oktober 2015/);
    // Six months (the terms' proofOfUseMonths) after the period's end, 30 June 2015: reckoned as the
    // deadlines context reckons the proof of use (from the day after the period: 1 July + 6 months − 1 day).
    expect(text).toContain('Die Verwendung der Zuwendung ist bis zum 31. Dezember 2015 nachzuweisen');

    // The very due dates the reporting context gives the periods it opens for the grant.
    await w.openPeriods(w.unnaGrant);
    const reports = (await w.api.http.get(`/grants/${w.unnaGrant}/reports`).set(w.as.office).expect(200))
      .body;
    const dueDates: string[] = reports.items.map((r: { dueDate: string }) => r.dueDate).sort();
    expect(dueDates).toEqual(['2013-04-30', '2014-04-30', '2015-04-30', '2015-10-31']);
    const german = (iso: string) =>
      new Intl.DateTimeFormat('de-DE', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${iso}T00:00:00Z`));
    for (const due of dueDates) expect(text).toContain(german(due));
  });

  it('carries the grants office’s postal address in its letterhead', async () => {
    const { text } = readPdf((await notice(w.as.office).expect(200)).body as Buffer);
    // Under the office's name at the top, not only in the small return line above the address.
    const head = text.indexOf('Haroldstraße 4 · 40213 Düsseldorf');
    const returnLine = text.indexOf('Landes Nordrhein-Westfalen · Haroldstraße 4 · 40213 Düsseldorf');
    expect(head).toBeGreaterThan(0);
    expect(returnLine).toBeGreaterThan(head);
    expect(head).toBeLessThan(text.indexOf('Kreis Unna'));
  });

  it('is none of another municipality’s business (404) and not the evaluators’ (403)', async () => {
    const other = await w.api.http.get(`/grants/${w.unnaGrant}/notice.pdf`).set(w.as.dortmund).expect(404);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    await w.api.http.get(`/grants/${w.unnaGrant}/notice.pdf`).set(w.as.evaluator).expect(403);
  });
});
