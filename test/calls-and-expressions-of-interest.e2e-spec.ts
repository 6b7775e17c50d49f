import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/eventsourcing';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';
import { BRUECKEN, CALL_2011, DORTMUND, KREIS_UNNA, OBERHAUSEN, UNNA_MEMBERS } from './support/fixtures';
import { confirmMembers } from './support/joint-application';

describe('call → expression of interest over HTTP', () => {
  let api: TestApi;
  let office: string;
  let unna: string;
  let oberhausen: string;
  let kamen: string;

  beforeEach(async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z' });
    office = await api.token('grants-office');
    unna = await api.token('municipality', KREIS_UNNA);
    oberhausen = await api.token('municipality', OBERHAUSEN);
    kamen = await api.token('municipality', UNNA_MEMBERS[0]);
    await publishCall2011(api);
  });
  afterEach(() => api.close());

  it('lets a municipality submit a joint application before the closing date, and the office list it', async () => {
    const draft = await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(unna))
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(201);
    // The draft and one invitation per member.
    expect(draft.body).toEqual({ id: 'kkz-2011.05978000', revision: 4 });
    await confirmMembers(api, 'kkz-2011.05978000', UNNA_MEMBERS);

    api.clock.set('2011-12-15T22:30:00.000Z');
    await api.http.post('/expressions-of-interest/kkz-2011.05978000/submit').set(bearer(unna)).expect(200);

    const listed = await api.http
      .get('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(office))
      .expect(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({
      applicationId: 'kkz-2011.05978000',
      status: 'submitted',
      joint: true,
      applicant: { name: 'Kreis Unna', type: 'kreis' },
      submittedAt: '2011-12-15T22:30:00.000Z',
    });
    expect(listed.body.items[0].members.map((m: { name: string }) => m.name)).toEqual([
      'Kamen',
      'Lünen',
      'Selm',
      'Unna',
    ]);
  });

  it('refuses a submission after the deadline with 422 submission-after-deadline and writes nothing', async () => {
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(oberhausen))
      .send(BRUECKEN)
      .expect(201);
    api.clock.set('2011-12-15T23:00:00.000Z');
    const before = await api.store.headPosition();
    const late = await api.http
      .post('/expressions-of-interest/kkz-2011.05119000/submit')
      .set(bearer(oberhausen))
      .expect(422);
    expect(late.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(late.body).toMatchObject({
      status: 422,
      code: 'submission-after-deadline',
      closesAt: '2011-12-15T23:00:00.000Z',
    });
    expect(late.body.detail).toMatch(/endete am 15\.12\.2011, 24:00 Uhr.*verspätet/);
    const english = await api.http
      .post('/expressions-of-interest/kkz-2011.05119000/submit')
      .set({ ...bearer(oberhausen), 'Accept-Language': 'en' })
      .expect(422);
    expect(english.body.detail).toMatch(/too late/);
    expect(await api.store.headPosition()).toBe(before);
  });

  it('shows a municipality only its own expressions of interest, members included', async () => {
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(unna))
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(201);
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(oberhausen))
      .send(BRUECKEN)
      .expect(201);
    const own = await api.http.get('/expressions-of-interest').set(bearer(oberhausen)).expect(200);
    expect(own.body.items.map((e: { applicationId: string }) => e.applicationId)).toEqual([
      'kkz-2011.05119000',
    ]);
    const member = await api.http.get('/expressions-of-interest').set(bearer(kamen)).expect(200);
    expect(member.body.items.map((e: { applicationId: string }) => e.applicationId)).toEqual([
      'kkz-2011.05978000',
    ]);
    await api.http.get('/expressions-of-interest/kkz-2011.05978000').set(bearer(oberhausen)).expect(404);
    await api.http.get('/expressions-of-interest/kkz-2011.05978000').set(bearer(kamen)).expect(200);
    const all = await api.http.get('/expressions-of-interest').set(bearer(office)).expect(200);
    expect(all.body.items).toHaveLength(2);
  });

  it('lets only the lead change or submit a joint application', async () => {
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(unna))
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(201);
    const res = await api.http
      .post('/expressions-of-interest/kkz-2011.05978000/submit')
      .set(bearer(kamen))
      .expect(403);
    expect(res.body.code).toBe('not-lead-applicant');
    const dortmund = await api.token('municipality', DORTMUND);
    await api.http
      .put('/expressions-of-interest/kkz-2011.05978000')
      .set(bearer(dortmund))
      .send(BRUECKEN)
      .expect(404);
  });

  it('refuses its own application to a member that confirmed its part in another for the call', async () => {
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(unna))
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(201);
    await confirmMembers(api, 'kkz-2011.05978000', [UNNA_MEMBERS[0]]);
    const res = await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(kamen))
      .send(BRUECKEN)
      .expect(409);
    expect(res.body.code).toBe('already-participating');
  });

  it('refuses the confirmation of a municipality taking part elsewhere, and leaks no other record', async () => {
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(kamen))
      .send(BRUECKEN)
      .expect(201);
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(unna))
      .send(BRUECKEN)
      .expect(201);
    // Inviting it is harmless; its confirmation is what the one-participation rule refuses.
    await api.http
      .put('/expressions-of-interest/kkz-2011.05978000')
      .set(bearer(unna))
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(200);
    const res = await api.http
      .post(`/expressions-of-interest/kkz-2011.05978000/members/${UNNA_MEMBERS[0]}/confirm`)
      .set(bearer(kamen))
      .expect(409);
    expect(res.body.code).toBe('already-participating');
    expect(JSON.stringify(res.body)).not.toContain('kkz-2011.05978020');
    const view = await api.http
      .get('/expressions-of-interest/kkz-2011.05978000')
      .set(bearer(unna))
      .expect(200);
    expect(view.body.members).toEqual([]);
  });

  /** The API again, on a SQLite file of its own: races are decided by the store's write lock. */
  const restartOnSqliteFile = async (prefix: string) => {
    await api.close();
    api = await startTestApi({
      now: '2011-11-09T09:00:00.000Z',
      store: new SqliteEventStore(join(mkdtempSync(join(tmpdir(), prefix)), 'e.sqlite')),
    });
    office = await api.token('grants-office');
  };

  it('stores one draft and one claim when a municipality sends the same draft four times at once', async () => {
    await restartOnSqliteFile('kkz-drafts-');
    await publishCall2011(api);
    const oberhausen = bearer(await api.token('municipality', OBERHAUSEN));
    // Each is checked on the stream as the others find it; the ones that lose the race to the
    // store are decided again on the stream as it then is, and refused.
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        api.http.post('/calls/kkz-2011/expressions-of-interest').set(oberhausen).send(BRUECKEN),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const refused of results.filter((r) => r.status === 409))
      expect(refused.body.code).toBe('expression-of-interest-exists');
    const events = await api.store.readAll();
    expect(events.filter((e) => e.type === 'ExpressionOfInterestDrafted')).toHaveLength(1);
    const claims = events.filter((e) => e.streamId.startsWith('participation-'));
    expect(claims.map((e) => e.type)).toEqual(['ParticipationClaimed']);
  });

  it('lets a member confirm only one of three invitations it answers at once', async () => {
    await restartOnSqliteFile('kkz-claims-');
    kamen = await api.token('municipality', UNNA_MEMBERS[0]);
    await publishCall2011(api);
    const leads = [KREIS_UNNA, OBERHAUSEN, DORTMUND];
    for (const ags of leads) {
      await api.http
        .post('/calls/kkz-2011/expressions-of-interest')
        .set(bearer(await api.token('municipality', ags)))
        .send({ ...BRUECKEN, memberAgs: [UNNA_MEMBERS[0]] })
        .expect(201);
    }
    const results = await Promise.all(
      leads.map((ags) =>
        api.http
          .post(`/expressions-of-interest/kkz-2011.${ags}/members/${UNNA_MEMBERS[0]}/confirm`)
          .set(bearer(kamen)),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const all = await api.http.get('/expressions-of-interest').set(bearer(office)).expect(200);
    expect(all.body.items.filter((v: { members: unknown[] }) => v.members.length > 0)).toHaveLength(1);
    // The refused confirmations left their invitations open, and claimed nothing.
    const open = await api.http
      .get('/joint-application-invitations?status=invited')
      .set(bearer(kamen))
      .expect(200);
    expect(open.body.total).toBe(2);
  });

  it('keeps a dropped member claimed when the revision that drops it fails', async () => {
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(unna))
      .send({ ...BRUECKEN, memberAgs: [UNNA_MEMBERS[0]] })
      .expect(201);
    await confirmMembers(api, 'kkz-2011.05978000', [UNNA_MEMBERS[0]]);
    await api.http.post('/expressions-of-interest/kkz-2011.05978000/submit').set(bearer(unna)).expect(200);
    await api.http
      .put('/expressions-of-interest/kkz-2011.05978000')
      .set(bearer(unna))
      .send(BRUECKEN)
      .expect(422);
    const res = await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(kamen))
      .send(BRUECKEN)
      .expect(409);
    expect(res.body.code).toBe('already-participating');
  });

  it('frees a member dropped from a joint application to apply on its own', async () => {
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(unna))
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(201);
    await confirmMembers(api, 'kkz-2011.05978000', UNNA_MEMBERS);
    await api.http
      .put('/expressions-of-interest/kkz-2011.05978000')
      .set(bearer(unna))
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS.slice(1) })
      .expect(200);
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(kamen))
      .send(BRUECKEN)
      .expect(201);
    const own = await api.http.get('/expressions-of-interest').set(bearer(kamen)).expect(200);
    expect(own.body.items.map((e: { applicationId: string }) => e.applicationId)).toEqual([
      'kkz-2011.05978020',
    ]);
  });

  it('revises a draft with If-Match and refuses a stale revision with 409', async () => {
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(oberhausen))
      .send(BRUECKEN)
      .expect(201);
    const ok = await api.http
      .put('/expressions-of-interest/kkz-2011.05119000')
      .set({ ...bearer(oberhausen), 'If-Match': '"0"' })
      .send({ ...BRUECKEN, motto: 'Jedes Kind ist wertvoll – gemeinsam schauen & miteinander handeln' })
      .expect(200);
    expect(ok.body.revision).toBe(1);
    const stale = await api.http
      .put('/expressions-of-interest/kkz-2011.05119000')
      .set({ ...bearer(oberhausen), 'If-Match': '"0"' })
      .send(BRUECKEN)
      .expect(409);
    expect(stale.body.code).toBe('concurrency-conflict');
    const view = await api.http
      .get('/expressions-of-interest/kkz-2011.05119000')
      .set(bearer(oberhausen))
      .expect(200);
    expect(view.body.content.motto).toMatch(/^Jedes Kind ist wertvoll/);
  });

  it('hides draft calls from municipalities', async () => {
    await api.http
      .post('/programmes/kkz/calls')
      .set(bearer(office))
      .send({ ...CALL_2011, callId: 'kkz-2017' })
      .expect(201);
    await api.http.get('/calls/kkz-2017').set(bearer(oberhausen)).expect(404);
    await api.http.get('/calls/kkz-2017').set(bearer(office)).expect(200);
    const listed = await api.http.get('/calls').set(bearer(oberhausen)).expect(200);
    expect(listed.body.items.map((c: { callId: string }) => c.callId)).toEqual(['kkz-2011']);
    // Nor does the programme name it to them: not in the list, not in the programme itself.
    const programmes = await api.http.get('/programmes').set(bearer(oberhausen)).expect(200);
    expect(programmes.body.items.map((p: { callIds: string[] }) => p.callIds)).toEqual([['kkz-2011']]);
    const programme = await api.http.get('/programmes/kkz').set(bearer(oberhausen)).expect(200);
    expect(programme.body.callIds).toEqual(['kkz-2011']);
    expect(JSON.stringify([programmes.body.items, programme.body])).not.toContain('kkz-2017');
    const forOffice = await api.http.get('/programmes/kkz').set(bearer(office)).expect(200);
    expect(forOffice.body.callIds).toEqual(['kkz-2011', 'kkz-2017']);
  });
});
