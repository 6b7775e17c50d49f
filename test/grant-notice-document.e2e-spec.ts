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
    expect(grant.noticeDocument).toMatchObject({ templateVersion: 2, generatedAt: grant.issuedAt });
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

  it('is none of another municipality’s business (404) and not the evaluators’ (403)', async () => {
    const other = await w.api.http.get(`/grants/${w.unnaGrant}/notice.pdf`).set(w.as.dortmund).expect(404);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    await w.api.http.get(`/grants/${w.unnaGrant}/notice.pdf`).set(w.as.evaluator).expect(403);
  });
});
