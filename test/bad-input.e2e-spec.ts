import { CALL_2011, PROGRAMME, OBERHAUSEN, BRUECKEN } from './support/fixtures';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';

/** Bad input gets a clear 4xx problem+json with a code, and nothing is written. */
describe('bad input is refused without writing anything', () => {
  let api: TestApi;
  let office: Record<string, string>;
  let municipality: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z', env: { BODY_LIMIT_KB: '16' } });
    office = bearer(await api.token('grants-office'));
    municipality = bearer(await api.token('municipality', OBERHAUSEN));
    await publishCall2011(api);
  });
  afterAll(() => api.close());

  async function expectRefused(
    make: () => PromiseLike<{
      status: number;
      body: { code: string; detail: string };
      headers: Record<string, string>;
    }>,
    status: number,
    code: string,
  ) {
    const before = await api.store.headPosition();
    const res = await make();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toEqual(expect.any(String));
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
    expect(await api.store.headPosition()).toBe(before);
    return res.body;
  }

  const call = (patch: object) =>
    api.http
      .post('/programmes/kkz/calls')
      .set(office)
      .send({ ...CALL_2011, callId: 'new', ...patch });

  it('refuses unknown fields', async () => {
    const body = await expectRefused(
      () =>
        api.http
          .post('/programmes')
          .set(office)
          .send({ ...PROGRAMME, programmeId: 'x', budget: 1 }),
      400,
      'validation-failed',
    );
    expect(body.detail).toMatch(/budget/);
  });

  it('refuses wrong types', () =>
    expectRefused(
      () => api.http.post('/programmes').set(office).send({ programmeId: 'x', title: 42 }),
      400,
      'validation-failed',
    ));

  it('refuses missing fields', () =>
    expectRefused(
      () => api.http.post('/programmes').set(office).send({ programmeId: 'x' }),
      400,
      'validation-failed',
    ));

  it('refuses a date that does not exist', () =>
    expectRefused(() => call({ closingDate: '2011-02-30' }), 400, 'validation-failed'));

  it('refuses an absurd date (year 9999)', async () => {
    const body = await expectRefused(() => call({ closingDate: '9999-12-15' }), 400, 'validation-failed');
    expect(body.detail).toMatch(/closingDate/);
  });

  it('refuses dates in other formats', () =>
    expectRefused(() => call({ closingDate: '15.12.2011' }), 400, 'validation-failed'));

  it('refuses invalid nested values (a negative tier amount)', () =>
    expectRefused(
      () => call({ fundingTiers: [{ minPopulation: 0, amountEur: -5 }] }),
      400,
      'validation-failed',
    ));

  it.each(['$all', 'a/b', 'x..y', '..', 'with space'])('refuses the chosen id %p', (id) =>
    expectRefused(
      () =>
        api.http
          .post('/programmes')
          .set(office)
          .send({ ...PROGRAMME, programmeId: id }),
      400,
      'validation-failed',
    ),
  );

  it.each(['%24all', 'a%2Fb', 'x..y', '%2E%2E'])('refuses the path id %p', (id) =>
    expectRefused(() => api.http.post(`/calls/${id}/publish`).set(office), 400, 'invalid-id'),
  );

  it('refuses a body over the size limit with 413', () =>
    expectRefused(
      () =>
        api.http
          .post('/programmes')
          .set(office)
          .send({ ...PROGRAMME, programmeId: 'big', description: 'x'.repeat(20 * 1024) }),
      413,
      'payload-too-large',
    ));

  it('refuses malformed JSON', () =>
    expectRefused(
      () =>
        api.http
          .post('/programmes')
          .set(office)
          .set('Content-Type', 'application/json')
          .send('{"programmeId": "x",'),
      400,
      'malformed-json',
    ));

  it('refuses a JSON array where an object belongs', () =>
    expectRefused(
      () => api.http.post('/programmes').set(office).send([PROGRAMME]),
      400,
      'validation-failed',
    ));

  it.each([
    '{"programmeId":"x","title":"T","__proto__":{"admin":true}}',
    '{"programmeId":"x","title":"T","nested":{"constructor":{}}}',
  ])('refuses prototype keys instead of dropping them: %s', (raw) =>
    expectRefused(
      () => api.http.post('/programmes').set(office).set('Content-Type', 'application/json').send(raw),
      400,
      'forbidden-key',
    ),
  );

  it('refuses absurdly deep nesting with 400, not a crash', () =>
    expectRefused(
      () =>
        api.http
          .post('/programmes')
          .set(office)
          .set('Content-Type', 'application/json')
          .send(`{"programmeId":"x","title":${'['.repeat(2000)}${']'.repeat(2000)}}`),
      400,
      'too-deeply-nested',
    ));

  it('refuses a body that claims gzip but is not', () =>
    expectRefused(
      () =>
        api.http
          .post('/programmes')
          .set(office)
          .set({ 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
          .send('not gzip at all'),
      400,
      'unreadable-body',
    ));

  it('refuses a body that is not JSON with 415', () =>
    expectRefused(
      () => api.http.post('/programmes').set(office).set('Content-Type', 'text/plain').send('title=x'),
      415,
      'unsupported-media-type',
    ));

  it.each([
    ['conditions', { conditions: [] }],
    ['participants', { participants: [] }],
    ['fundingTiers', { fundingTiers: [[{ minPopulation: 0, amountEur: 1 }]] }],
    ['eligibleApplicantTypes', { eligibleApplicantTypes: 'kreis' }],
  ])('refuses a list or a value where %s needs another shape', (_field, patch) =>
    expectRefused(() => call(patch), 400, 'validation-failed'),
  );

  it.each(['financialPlan', 'coordinator', 'councilResolution'])(
    'refuses an array where the object %s belongs',
    (field) =>
      expectRefused(
        () =>
          api.http
            .post('/calls/kkz-2011/expressions-of-interest')
            .set(municipality)
            .send({ ...BRUECKEN, [field]: [] }),
        400,
        'validation-failed',
      ),
  );

  it('refuses a member AGS that is not 8 digits', () =>
    expectRefused(
      () =>
        api.http
          .post('/calls/kkz-2011/expressions-of-interest')
          .set(municipality)
          .send({ ...BRUECKEN, memberAgs: ['5978020'] }),
      400,
      'validation-failed',
    ));

  it('refuses an unknown query value', () =>
    expectRefused(
      () => api.http.get('/calls/kkz-2011/expressions-of-interest?status=bogus').set(office),
      400,
      'validation-failed',
    ));

  it('refuses a malformed If-Match', () =>
    expectRefused(
      () =>
        api.http
          .put('/expressions-of-interest/kkz-2011.05119000')
          .set({ ...municipality, 'If-Match': 'yesterday' })
          .send(BRUECKEN),
      400,
      'invalid-if-match',
    ));

  it('answers an unknown route with 404 problem+json', () =>
    expectRefused(() => api.http.get('/nowhere').set(office), 404, 'route-not-found'));
});
