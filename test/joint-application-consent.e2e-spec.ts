import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRUECKEN, DORTMUND, KREIS_UNNA, OBERHAUSEN, UNNA_MEMBERS } from './support/fixtures';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';

const [KAMEN, LUENEN] = UNNA_MEMBERS;
const UNNA_APP = `kkz-2011.${KREIS_UNNA}`;

/**
 * A joint application (Verbundbewerbung) binds a municipality only by its own act: the lead
 * invites, each invitee confirms or declines with its own token, and until it confirms nobody
 * can take its place in the call from it (issue 11, point 17).
 */
describe('joint applications: each member joins by its own act', () => {
  let api: TestApi;
  const tokens = new Map<string, Record<string, string>>();
  const as = (ags: string) => tokens.get(ags) as Record<string, string>;
  const draft = async (lead: string, memberAgs: string[] = []) =>
    api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(tokens.get(lead) ?? bearer(await api.token('municipality', lead)))
      .send({ ...BRUECKEN, memberAgs });
  const act = (ags: string, verb: 'confirm' | 'decline' | 'leave', by = ags) =>
    api.http.post(`/expressions-of-interest/${UNNA_APP}/members/${ags}/${verb}`).set(as(by));
  const statuses = async (by = KREIS_UNNA) =>
    (await api.http.get(`/expressions-of-interest/${UNNA_APP}`).set(as(by)).expect(200)).body.invitations.map(
      (i: { municipality: { ags: string }; status: string }) => [i.municipality.ags, i.status],
    );

  beforeEach(async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z' });
    for (const ags of [KREIS_UNNA, KAMEN, LUENEN, DORTMUND, OBERHAUSEN])
      tokens.set(ags, bearer(await api.token('municipality', ags)));
    await publishCall2011(api);
  });
  afterEach(() => api.close());

  it('invites two: one confirms, one declines and then applies on its own', async () => {
    expect((await draft(KREIS_UNNA, [KAMEN, LUENEN])).status).toBe(201);
    expect(await statuses()).toEqual([
      [KAMEN, 'invited'],
      [LUENEN, 'invited'],
    ]);
    await act(KAMEN, 'confirm').expect(200);
    await act(LUENEN, 'decline').send({ reason: 'Der Rat hat die Teilnahme abgelehnt.' }).expect(200);
    expect(await statuses()).toEqual([
      [KAMEN, 'confirmed'],
      [LUENEN, 'declined'],
    ]);
    expect((await draft(LUENEN)).status).toBe(201);
    // Kamen is bound: its own application is refused, as the one-participation rule says.
    const own = await draft(KAMEN);
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('already-participating');
  });

  it('blocks nobody who has not confirmed: an invitee applies on its own, and cannot then confirm', async () => {
    await draft(KREIS_UNNA, [KAMEN]);
    expect((await draft(KAMEN)).status).toBe(201);
    const late = await act(KAMEN, 'confirm');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('already-participating');
    expect(await statuses()).toEqual([[KAMEN, 'invited']]);
  });

  it('lets a member leave before submission, freeing it to apply on its own', async () => {
    await draft(KREIS_UNNA, [KAMEN]);
    await act(KAMEN, 'confirm').expect(200);
    await act(KAMEN, 'leave').send({}).expect(200);
    expect(await statuses()).toEqual([[KAMEN, 'left']]);
    expect((await draft(KAMEN)).status).toBe(201);
  });

  it('binds the confirmed member by the submission: it cannot leave, and open invitations lapse', async () => {
    await draft(KREIS_UNNA, [KAMEN, LUENEN]);
    await act(KAMEN, 'confirm').expect(200);
    api.clock.set('2011-12-14T10:00:00.000Z');
    await api.http.post(`/expressions-of-interest/${UNNA_APP}/submit`).set(as(KREIS_UNNA)).expect(200);
    const before = await api.store.headPosition();
    const refused = await act(KAMEN, 'leave').expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'membership-bound-by-submission', ags: KAMEN });
    expect(refused.body.detail).toMatch(/eingereicht.*verbindlich/);
    const english = await api.http
      .post(`/expressions-of-interest/${UNNA_APP}/members/${KAMEN}/leave`)
      .set({ ...as(KAMEN), 'Accept-Language': 'en' })
      .expect(422);
    expect(english.body.detail).toMatch(/can no longer leave/);
    expect(await api.store.headPosition()).toBe(before);
    expect(await statuses()).toEqual([
      [KAMEN, 'confirmed'],
      [LUENEN, 'lapsed'],
    ]);
    const office = bearer(await api.token('grants-office'));
    const submitted = await api.http.get('/calls/kkz-2011/expressions-of-interest').set(office).expect(200);
    expect(submitted.body.items[0].members.map((m: { ags: string }) => m.ags)).toEqual([KAMEN]);
    expect((await act(LUENEN, 'confirm')).body.code).toBe('invitation-not-open');
    expect((await draft(LUENEN)).status).toBe(201);
  });

  it('lets 50 invitations block none of the 50', async () => {
    const registry = readFileSync(join(__dirname, '../reference-data/nrw-municipalities.csv'), 'utf8');
    const others = registry
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0])
      .filter((ags) => ags !== KREIS_UNNA)
      .slice(0, 50);
    expect(others).toHaveLength(50);
    expect((await draft(KREIS_UNNA, others)).status).toBe(201);
    for (const ags of others) expect((await draft(ags)).status).toBe(201);
  });

  it('shows each municipality its own invitations only, and lets no one act on another’s', async () => {
    await draft(KREIS_UNNA, [KAMEN, LUENEN]);
    const mine = await api.http.get('/joint-application-invitations').set(as(KAMEN)).expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        applicationId: UNNA_APP,
        lead: expect.objectContaining({ name: 'Kreis Unna' }),
        motto: 'Brücken für Familien',
        municipality: expect.objectContaining({ ags: KAMEN }),
        status: 'invited',
      }),
    ]);
    const office = bearer(await api.token('grants-office'));
    expect((await api.http.get('/joint-application-invitations').set(office).expect(200)).body.total).toBe(2);
    expect((await api.http.get('/joint-application-invitations').set(as(DORTMUND))).body.items).toEqual([]);
    // An invitee reads the application it is asked to join, with its own invitation only.
    const seen = await api.http.get(`/expressions-of-interest/${UNNA_APP}`).set(as(KAMEN)).expect(200);
    expect(seen.body.invitations.map((i: { municipality: { ags: string } }) => i.municipality.ags)).toEqual([
      KAMEN,
    ]);
    await api.http.get(`/expressions-of-interest/${UNNA_APP}`).set(as(DORTMUND)).expect(404);

    const before = await api.store.headPosition();
    for (const verb of ['confirm', 'decline', 'leave'] as const) {
      // Lünen, itself invited, and Dortmund, a stranger, answer for Kamen: 404 as if nothing were there.
      expect((await act(KAMEN, verb, LUENEN)).status).toBe(404);
      expect((await act(KAMEN, verb, DORTMUND)).status).toBe(404);
      // Dortmund under its own name: it was never invited.
      expect((await act(DORTMUND, verb)).status).toBe(404);
    }
    // The office decides, but a municipality's participation is its own act.
    const byOffice = await api.http
      .post(`/expressions-of-interest/${UNNA_APP}/members/${KAMEN}/confirm`)
      .set(office)
      .expect(403);
    expect(byOffice.body.code).toBe('forbidden-role');
    expect(await api.store.headPosition()).toBe(before);
    expect(await statuses()).toEqual([
      [KAMEN, 'invited'],
      [LUENEN, 'invited'],
    ]);
  });

  it('withdraws an invitation or a membership the lead no longer names, and frees the member', async () => {
    await draft(KREIS_UNNA, [KAMEN, LUENEN]);
    await act(KAMEN, 'confirm').expect(200);
    await api.http
      .put(`/expressions-of-interest/${UNNA_APP}`)
      .set(as(KREIS_UNNA))
      .send({ ...BRUECKEN, memberAgs: [OBERHAUSEN] })
      .expect(200);
    expect(await statuses()).toEqual([
      [KAMEN, 'withdrawn'],
      [LUENEN, 'withdrawn'],
      [OBERHAUSEN, 'invited'],
    ]);
    expect((await draft(KAMEN)).status).toBe(201);
    expect((await act(LUENEN, 'confirm')).body.code).toBe('invitation-not-open');
  });
});
