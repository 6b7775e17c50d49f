import { OBERHAUSEN, PROGRAMME } from './support/fixtures';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';

/** A refusal reads German unless the client asks for English; code and facts stay the same. */
describe('refusals over HTTP: German by default, English on Accept-Language: en', () => {
  let api: TestApi;
  let office: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z' });
    office = bearer(await api.token('grants-office'));
    await publishCall2011(api);
  });
  afterAll(() => api.close());

  it('refuses a programme that exists in German, and in English when asked', async () => {
    const german = await api.http.post('/programmes').set(office).send(PROGRAMME).expect(409);
    expect(german.body).toMatchObject({
      code: 'programme-already-exists',
      programmeId: PROGRAMME.programmeId,
      detail: `Ein Programm mit der Kennung ${PROGRAMME.programmeId} ist bereits angelegt.`,
    });
    const english = await api.http
      .post('/programmes')
      .set(office)
      .set('Accept-Language', 'en')
      .send(PROGRAMME)
      .expect(409);
    expect(english.body).toMatchObject({
      code: 'programme-already-exists',
      programmeId: PROGRAMME.programmeId,
      detail: `A programme with id ${PROGRAMME.programmeId} already exists.`,
    });
  });

  it('says in German that a sign-in is needed, and names the role in German words', async () => {
    const missing = await api.http.get('/calls').expect(401);
    expect(missing.body).toMatchObject({ code: 'missing-token' });
    expect(missing.body.detail).toMatch(/Anmeldung nötig/);

    const municipality = bearer(await api.token('municipality', OBERHAUSEN));
    const forbidden = await api.http.post('/programmes').set(municipality).send(PROGRAMME).expect(403);
    expect(forbidden.body.code).toBe('forbidden-role');
    expect(forbidden.body.detail).toMatch(/vorbehalten/);
    expect(forbidden.body.detail).toMatch(/Bewilligungsstelle/);
    expect(forbidden.body.detail).not.toMatch(/grants-office/);
  });
});
