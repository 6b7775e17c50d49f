import { verifyExport } from '../scripts/verify-export';
import type { Test } from 'supertest';
import { BRUECKEN, KREIS_UNNA, OBERHAUSEN, UNNA_MEMBERS } from './support/fixtures';
import { confirmMembers } from './support/joint-application';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';

const UNNA_APP = 'application-kkz-2011.05978000';
/** The joint application: drafted inviting four cities, each confirming, then submitted. */
const UNNA_HISTORY = [
  'ExpressionOfInterestDrafted',
  ...UNNA_MEMBERS.map(() => 'JointApplicationMemberInvited'),
  ...UNNA_MEMBERS.map(() => 'JointApplicationMembershipConfirmed'),
  'ExpressionOfInterestSubmitted',
];

/** NDJSON as one string (superagent buffers only types it knows). */
async function text(request: Test): Promise<string> {
  const res = await request
    .expect(200)
    .buffer(true)
    .parse((response, done) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done(null, body));
    });
  expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
  return res.body as string;
}

describe('auditors replay, time-travel and verify over HTTP', () => {
  let api: TestApi;
  let auditor: Record<string, string>;
  let office: Record<string, string>;
  /** Storage time between the draft and the submission: recordedAt is the real clock. */
  let recordedBetween: string;

  beforeAll(async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z' });
    auditor = bearer(await api.token('auditor'));
    office = bearer(await api.token('grants-office'));
    const unna = bearer(await api.token('municipality', KREIS_UNNA));
    const oberhausen = bearer(await api.token('municipality', OBERHAUSEN));
    await publishCall2011(api);
    api.clock.set('2011-12-01T10:00:00.000Z');
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(unna)
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(201);
    await confirmMembers(api, 'kkz-2011.05978000', UNNA_MEMBERS);
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(oberhausen).send(BRUECKEN).expect(201);
    await new Promise((resolve) => setTimeout(resolve, 5));
    recordedBetween = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    api.clock.set('2011-12-14T15:00:00.000Z');
    await api.http.post('/expressions-of-interest/kkz-2011.05978000/submit').set(unna).expect(200);
  });
  afterAll(() => api.close());

  it("shows a stream's history with every metadata field and its chain checked", async () => {
    const res = await api.http.get(`/audit/streams/${UNNA_APP}/events`).set(auditor).expect(200);
    expect(res.body.chain).toMatchObject({ intact: true });
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(UNNA_HISTORY);
    const submitted = res.body.events[9];
    expect(submitted.metadata).toEqual(
      expect.objectContaining({
        eventId: expect.any(String),
        schemaVersion: 2,
        occurredAt: '2011-12-14T15:00:00.000Z',
        recordedAt: expect.any(String),
        actor: expect.objectContaining({ role: 'municipality', ags: KREIS_UNNA }),
        correlationId: expect.any(String),
        causationId: expect.any(String),
        prevHash: res.body.events[8].metadata.hash,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    );
    expect(res.body.chain.headHash).toBe(submitted.metadata.hash);
  });

  it('answers 404 for a stream that does not exist and 400 for a system stream', async () => {
    expect(
      (await api.http.get('/audit/streams/application-nope/events').set(auditor).expect(404)).body.code,
    ).toBe('not-found');
    expect((await api.http.get('/audit/streams/$all/events').set(auditor).expect(400)).body.code).toBe(
      'invalid-id',
    );
  });

  it('lists every stream with its head', async () => {
    const res = await api.http.get('/audit/streams?prefix=application-').set(auditor).expect(200);
    expect(res.body.items.map((s: { streamId: string }) => s.streamId)).toEqual([
      'application-kkz-2011.05119000',
      UNNA_APP,
    ]);
    expect(res.body.items[1]).toMatchObject({
      revision: 9,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('gives a record as of a revision, a business date and a storage instant', async () => {
    const view = (body: { readModels: Record<string, { byId: Record<string, { status: string }> }> }) =>
      body.readModels['expressions-of-interest'].byId['kkz-2011.05978000'];
    const atRevision0 = await api.http
      .get(`/audit/streams/${UNNA_APP}/state?revision=0`)
      .set(auditor)
      .expect(200);
    expect(atRevision0.body).toMatchObject({ revision: 0, events: 1, asOf: { revision: 0 } });
    expect(view(atRevision0.body).status).toBe('draft');

    const byBusinessDate = await api.http
      .get(`/audit/streams/${UNNA_APP}/state?asOf=2011-12-13&time=occurred`)
      .set(auditor)
      .expect(200);
    expect(byBusinessDate.body.asOf).toMatchObject({ date: '2011-12-13', time: 'occurred' });
    expect(view(byBusinessDate.body).status).toBe('draft');
    const afterSubmission = await api.http
      .get(`/audit/streams/${UNNA_APP}/state?asOf=2011-12-14&time=occurred`)
      .set(auditor)
      .expect(200);
    expect(view(afterSubmission.body).status).toBe('submitted');

    const byStorageTime = await api.http
      .get(`/audit/streams/${UNNA_APP}/state`)
      .query({ asOf: recordedBetween, time: 'recorded' })
      .set(auditor)
      .expect(200);
    expect(byStorageTime.body.asOf.time).toBe('recorded');
    expect(view(byStorageTime.body).status).toBe('draft');
    const latest = await api.http.get(`/audit/streams/${UNNA_APP}/state`).set(auditor).expect(200);
    expect(view(latest.body).status).toBe('submitted');
  });

  it('refuses an ambiguous or malformed "as of" with 400', async () => {
    const both = await api.http
      .get(`/audit/streams/${UNNA_APP}/state?revision=0&asOf=2011-12-13`)
      .set(auditor);
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('as-of-ambiguous');
    for (const query of [
      'asOf=yesterday',
      'asOf=2011-02-30',
      'asOf=9999-01-01',
      'time=sometime',
      'revision=-1',
    ]) {
      const res = await api.http.get(`/audit/streams/${UNNA_APP}/state?${query}`).set(auditor);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('rebuilds the programme-wide read models as of a date apart from the live ones', async () => {
    const res = await api.http
      .get('/audit/read-models?asOf=2011-12-13&time=occurred')
      .set(auditor)
      .expect(200);
    const eoi = res.body.readModels['expressions-of-interest'];
    expect(Object.values(eoi.byId).map((v) => (v as { status: string }).status)).toEqual(['draft', 'draft']);
    expect(res.body.readModels).toHaveProperty('programmes-calls');
    // The live read model still says submitted: the rebuild went into separate instances.
    const live = await api.http.get('/expressions-of-interest/kkz-2011.05978000').set(auditor).expect(200);
    expect(live.body.status).toBe('submitted');

    const only = await api.http
      .get('/audit/read-models?readModel=expressions-of-interest')
      .set(auditor)
      .expect(200);
    expect(Object.keys(only.body.readModels)).toEqual(['expressions-of-interest']);
    const unknown = await api.http.get('/audit/read-models?readModel=nope').set(auditor).expect(404);
    expect(unknown.body.code).toBe('unknown-read-model');
  });

  it("shows a member municipality's timeline across contexts, and none for an uninvolved one", async () => {
    const kamen = await api.http
      .get(`/audit/municipalities/${UNNA_MEMBERS[0]}/timeline`)
      .set(auditor)
      .expect(200);
    // Its own participation claim for the call, and the joint application it is a member of.
    expect(kamen.body.streams).toEqual([UNNA_APP, `participation-kkz-2011.${UNNA_MEMBERS[0]}`]);
    expect(
      kamen.body.entries
        .filter((e: { streamId: string }) => e.streamId === UNNA_APP)
        .map((e: { type: string }) => e.type),
    ).toEqual(UNNA_HISTORY);
    const ranged = await api.http
      .get(`/audit/municipalities/${UNNA_MEMBERS[0]}/timeline?time=occurred&from=2011-12-14&to=2011-12-31`)
      .set(auditor)
      .expect(200);
    expect(ranged.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'ExpressionOfInterestSubmitted',
    ]);
    const dortmund = await api.http.get('/audit/municipalities/05913000/timeline').set(auditor).expect(200);
    expect(dortmund.body.entries).toEqual([]);
    expect(
      (await api.http.get('/audit/municipalities/0591/timeline').set(auditor).expect(400)).body.code,
    ).toBe('invalid-ags');
    expect(
      (await api.http.get('/audit/municipalities/05999999/timeline').set(auditor).expect(404)).body.code,
    ).toBe('not-found');
    const reversed = await api.http
      .get(`/audit/municipalities/${KREIS_UNNA}/timeline?from=2012-01-01&to=2011-01-01`)
      .set(auditor)
      .expect(400);
    expect(reversed.body.code).toBe('time-range-reversed');
  });

  it('verifies every chain of the store', async () => {
    const res = await api.http.get('/audit/integrity').set(auditor).expect(200);
    const streams = await api.http.get('/audit/streams').set(auditor).expect(200);
    expect(res.body).toMatchObject({ ok: true, chainBreaks: [], streams: streams.body.total });
    expect(res.body.events).toBe(await api.store.headPosition());
  });

  it('exports a municipality signed, and the offline verifier accepts it with the served key pinned', async () => {
    const key = await api.http.get('/audit/public-key').set(office).expect(200);
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const exported = await text(api.http.get(`/audit/export?ags=${KREIS_UNNA}`).set(office));
    const lines = exported.trim().split('\n');
    const { manifest } = JSON.parse(lines[lines.length - 1]);
    expect(lines).toHaveLength(manifest.events + 1);
    expect(manifest.range).toEqual({ ags: KREIS_UNNA, time: 'recorded' });
    const exportedStreams = manifest.streamHeads.map((s: { streamId: string }) => s.streamId);
    // Its application, and the participation claims it made for itself and its members.
    expect(exportedStreams).toEqual([
      UNNA_APP,
      ...[KREIS_UNNA, ...UNNA_MEMBERS].map((a) => `participation-kkz-2011.${a}`),
    ]);
    expect(manifest.streamHeads[0]).toMatchObject({ firstRevision: 0, lastRevision: 9, events: 10 });
    expect(manifest.publicKey.keyId).toBe(key.body.keyId);
    expect(verifyExport(Buffer.from(exported), { pinnedPublicKey: key.body.publicKeyPem })).toMatchObject({
      ok: true,
      events: manifest.events,
      streams: manifest.streams,
    });
    const altered = exported.replace('Brücken für Familien', 'Brücken für Famil1en');
    expect(altered).not.toBe(exported);
    expect(verifyExport(Buffer.from(altered)).ok).toBe(false);
  });

  it('exports a whole programme, and a time range as whole runs of each stream', async () => {
    const programme = await text(api.http.get('/audit/export?programmeId=kkz').set(auditor));
    const { manifest } = JSON.parse(programme.trim().split('\n').pop() as string);
    // Everything in this store belongs to programme kkz: its stream, its call, applications, claims.
    const all = await api.http.get('/audit/streams?limit=500').set(auditor).expect(200);
    expect(manifest.streamHeads.map((s: { streamId: string }) => s.streamId)).toEqual(
      all.body.items.map((s: { streamId: string }) => s.streamId),
    );
    expect(manifest.streams).toBeGreaterThanOrEqual(4);
    const other = await text(api.http.get('/audit/export?programmeId=other').set(auditor));
    expect(JSON.parse(other.trim()).manifest).toMatchObject({ events: 0, streams: 0 });
    const late = await text(
      api.http.get('/audit/export?time=occurred&from=2011-12-14T00:00:00Z').set(auditor),
    );
    const trailer = JSON.parse(late.trim().split('\n').pop() as string);
    expect(trailer.manifest.streamHeads).toEqual([
      expect.objectContaining({ streamId: UNNA_APP, firstRevision: 9, lastRevision: 9, events: 1 }),
    ]);
    expect(verifyExport(Buffer.from(late)).ok).toBe(true);
  });
});
