import { berlinDate, SURVEY_SCALE_2018, TERMS_KKZ } from '@app/shared';
import { endOfDayInBerlin } from '@app/shared';
import { CALL_2011, KREIS_UNNA, OBERHAUSEN, PROGRAMME } from './support/fixtures';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';

type Answer = {
  status: number;
  headers: Record<string, string>;
  body: { code: string; detail: string; errors?: { field: string; messages: string[] }[] };
};

/**
 * Values that once got a 500 or were acted on (issue 11, points 11–15): each is refused with a
 * 4xx problem in German by default, names the field, and writes nothing.
 */
describe('hostile values in a request are refused, never a 500', () => {
  let api: TestApi;
  let office: Record<string, string>;
  let unna: Record<string, string>;
  let auditor: Record<string, string>;
  let oberhausen: Record<string, string>;
  let keys = 0;
  const keyed = (headers: Record<string, string>) => ({ ...headers, 'Idempotency-Key': `k-${++keys}` });

  beforeAll(async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z' });
    office = bearer(await api.token('grants-office'));
    unna = bearer(await api.token('municipality', KREIS_UNNA));
    auditor = bearer(await api.token('auditor'));
    oberhausen = bearer(await api.token('municipality', OBERHAUSEN));
    await publishCall2011(api);
  });
  afterAll(() => api.close());

  async function refused(call: () => PromiseLike<Answer>, status: number, code: string) {
    const head = await api.store.headPosition();
    const res = await call();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['content-language']).toBe('de');
    expect(await api.store.headPosition()).toBe(head);
    return res.body;
  }
  const fields = (body: Answer['body']) => (body.errors ?? []).map((e) => e.field);
  /** A raw JSON text, so that `1e309` reaches the server as written. */
  const rawPost = (path: string, json: string, headers = office) =>
    api.http.post(path).set(keyed(headers)).set('Content-Type', 'application/json').send(json);

  describe('numbers beyond what JSON can carry exactly (I-JSON)', () => {
    it.each([
      ['1e309', '"programmeId":"p1","title":"T","description":"x","extra":1e309', 'extra'],
      ['-1e309', '"programmeId":"p1","title":"T","n":-1e309', 'n'],
      ['nested', '"programmeId":"p1","title":"T","deep":{"list":[1,{"x":1e309}]}', 'deep.list.1.x'],
      ['2^53 + 1', '"programmeId":"p1","title":"T","n":9007199254740993', 'n'],
    ])('refuses %s with an Idempotency-Key, naming the field', async (_, members, field) => {
      const body = await refused(() => rawPost('/programmes', `{${members}}`), 400, 'validation-failed');
      expect(fields(body)).toContain(field);
      expect(body.detail).toMatch(/^Die Anfrage ist ungültig: .*muss eine Zahl zwischen/);
    });

    it('refuses Infinity in a field of a call under an Idempotency-Key', async () => {
      const json = JSON.stringify({ ...CALL_2011, callId: 'c-inf' }).replace(
        '"amountEur":64000',
        '"amountEur":1e309',
      );
      const body = await refused(() => rawPost('/programmes/kkz/calls', json), 400, 'validation-failed');
      expect(fields(body).some((f) => /^fundingTiers\.\d+\.amountEur$/.test(f))).toBe(true);
    });
  });

  describe('text that is not well-formed Unicode', () => {
    const settings = `/municipalities/${KREIS_UNNA}/notification-settings`;

    it('refuses a lone surrogate in an e-mail field (the validator used to throw)', async () => {
      const res = () =>
        api.http
          .put(settings)
          .set(keyed(unna))
          .set('Content-Type', 'application/json')
          .send('{"email":"a\\ud800@example.org"}');
      const body = await refused(res, 400, 'validation-failed');
      expect(fields(body)).toEqual(['email']);
    });

    it.each([
      ['a text field', '{"title":"x\\udc00y"}', 'title'],
      ['a key', '{"title":"T","\\ud83dx":1}', '\uFFFDx'],
      ['a string in a list', '{"title":"T","tags":["ok","\\ud800"]}', 'tags.1'],
    ])('refuses one in %s', async (_, json, field) => {
      const body = await refused(() => rawPost('/programmes', json), 400, 'validation-failed');
      expect(fields(body)).toContain(field);
    });

    it('accepts a pair of surrogates (an emoji) as the text it is', async () => {
      await rawPost('/programmes', '{"programmeId":"emoji","title":"Kinder \\ud83d\\ude00"}').expect(201);
    });
  });

  describe('dates and instants outside any programme', () => {
    it('has day arithmetic that does not throw in year 9999', () => {
      expect(endOfDayInBerlin('9999-12-31').toISOString()).toBe('9999-12-31T23:00:00.000Z');
    });

    it.each([
      '/audit/streams/call-kkz-2011/state?asOf=9999-12-31',
      '/audit/read-models?asOf=9999-12-31',
      '/audit/municipalities/05978000/timeline?from=9999-12-31',
      '/audit/municipalities/05978000/timeline?to=9999-12-31',
      '/audit/export?from=2011-01-01&to=9999-12-31',
      '/audit/read-models?asOf=2011-02-30T12:00:00Z',
      '/audit/read-models?asOf=0000-01-01',
    ])('refuses %s with 400', async (path) => {
      const body = await refused(() => api.http.get(path).set(auditor), 400, 'validation-failed');
      expect(body.detail).toMatch(/muss ein Datum JJJJ-MM-TT oder ein ISO-Zeitpunkt/);
    });

    it('still reads a plausible date', async () => {
      await api.http.get('/audit/read-models?asOf=2011-12-31').set(auditor).expect(200);
    });
  });

  describe('a body that is not JSON, or none, on a route that takes one', () => {
    const settings = `/municipalities/${KREIS_UNNA}/notification-settings`;
    const current = async () => (await api.http.get(settings).set(unna).expect(200)).body;

    beforeAll(async () => {
      await api.http.put(settings).set(unna).send({ email: 'fristen@kreis-unna.de' }).expect(200);
    });

    it.each([
      ['text/plain', '{"email":"fristen@kreis-unna.de"}'],
      ['application/x-www-form-urlencoded', 'email=fristen%40kreis-unna.de'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      ],
      ['application/problem+json', '{}'],
    ])('answers 415 to %s and keeps the e-mail channel', async (type, text) => {
      const body = await refused(
        () => api.http.put(settings).set(keyed(unna)).set('Content-Type', type).send(text),
        415,
        'unsupported-media-type',
      );
      expect(body.detail).toMatch(/muss JSON sein/);
      expect((await current()).email).toBe('fristen@kreis-unna.de');
    });

    it('answers 415 to a body without a Content-Type', async () => {
      const res = await api.http
        .put(settings)
        .set(unna)
        .set('Content-Length', '2')
        .send(Buffer.from('{}'))
        .unset('Content-Type');
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 415,
        code: 'unsupported-media-type',
      });
    });

    it('answers 400 body-required to no body at all, and to an empty JSON body', async () => {
      await refused(() => api.http.put(settings).set(unna), 400, 'body-required');
      await refused(
        () => api.http.put(settings).set(unna).set('Content-Type', 'application/json').send(''),
        400,
        'body-required',
      );
      expect((await current()).email).toBe('fristen@kreis-unna.de');
    });

    it('takes an explicit {} as the empty change it says it is', async () => {
      await api.http.put(settings).set(unna).send({}).expect(200);
      // The channel left out is switched off: asked for, so done.
      expect((await current()).email ?? undefined).toBeUndefined();
    });

    it('leaves routes without a body alone', async () => {
      await api.http
        .post('/programmes')
        .set(office)
        .send({ ...PROGRAMME, programmeId: 'kkz2' })
        .expect(201);
      await api.http
        .post('/programmes/kkz2/rules')
        .set(office)
        .send({ version: 1, effectiveFrom: berlinDate(api.clock.now().toISOString()), rules: TERMS_KKZ })
        .expect(201);
      await api.http
        .post('/programmes/kkz2/calls')
        .set(office)
        .send({ ...CALL_2011, callId: 'c-text' })
        .expect(201);
      await api.http
        .post('/calls/c-text/publish')
        .set(office)
        .set('Content-Type', 'text/plain')
        .send('please')
        .expect(200);
    });
  });

  describe('lists of objects get objects, not nested lists', () => {
    const ask = { questionId: 'networks', text: 'Netzwerke?', kind: 'scale' };
    it.each([
      [
        '/evaluations/e1/surveys',
        {
          title: 'T',
          scale: SURVEY_SCALE_2018,
          opensOn: '2017-12-06',
          closesOn: '2018-01-02',
          questions: [[ask]],
        },
        'questions',
        'office',
      ],
      ['/surveys/s1/answers', { answers: [[{ questionId: 'networks', step: 'fully' }]] }, 'answers', 'unna'],
    ])('refuses %s with a list inside the list', async (path, payload, field, who) => {
      const body = await refused(
        () =>
          api.http
            .post(path)
            .set(keyed(who === 'office' ? office : unna))
            .send(payload),
        400,
        'validation-failed',
      );
      expect(body.errors).toContainEqual({ field, messages: ['jeder Eintrag muss ein Objekt sein'] });
    });

    it.each(['signOffs', 'consultations'])('refuses a list inside the list %s of a resolution', (field) =>
      refused(
        () =>
          api.http
            .post('/expressions-of-interest/kkz-2011.05119000/council-resolutions')
            .set(oberhausen)
            .send({ [field]: [[{}]] }),
        400,
        'validation-failed',
      ).then((body) => expect(fields(body)).toContain(field)),
    );
  });
});
