import request from 'supertest';
import { signDevToken } from '@app/identity';
import { SimulatedClock } from '@app/shared';
import { buildApi, initApi } from '../apps/api/src/build-api';
import { bearer, DEV_SECRET, startTestApi, testConfig, type TestApi } from './support/test-api';

/** GET /clock: a client reads business time from the server, simulated or not. */
describe('GET /clock', () => {
  let api: TestApi | undefined;
  afterEach(() => api?.close());

  it('answers a simulated clock with its speed and anchor, and time that runs ahead', async () => {
    // Given an installation on a simulated clock, a day per wall-clock second
    const clock = new SimulatedClock({ start: '2012-03-01T08:00:00.000Z', speed: 86_400 });
    const app = await buildApi({ config: testConfig(), clock });
    await initApi(app);
    try {
      const token = await signDevToken(DEV_SECRET, { role: 'municipality', ags: '05978000' });
      // When a municipality asks twice, a wall-clock moment apart
      const ask = () => request(app.getHttpServer()).get('/clock').set(bearer(token)).expect(200);
      const first = await ask();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = await ask();
      // Then it learns business time, that it is simulated, how fast it runs and from where
      expect(first.body).toMatchObject({
        kind: 'simulated',
        simulated: true,
        speed: 86_400,
        timeZone: 'Europe/Berlin',
        anchor: { business: '2012-03-01T08:00:00.000Z' },
      });
      expect(Date.parse(first.body.anchor.wall)).toBeLessThanOrEqual(Date.now());
      expect(first.body.berlinDate).toMatch(/^2012-03-\d\d$/);
      expect(Date.parse(first.body.now)).toBeGreaterThanOrEqual(Date.parse('2012-03-01T08:00:00.000Z'));
      // 50 ms of wall time are more than an hour of business time at this speed
      expect(Date.parse(second.body.now) - Date.parse(first.body.now)).toBeGreaterThan(3_600_000);
    } finally {
      await app.close();
    }
  });

  it('answers a fixed test clock as simulated, standing still', async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z' });
    const res = await api.http
      .get('/clock')
      .set(bearer(await api.token('evaluator')))
      .expect(200);
    expect(res.body).toEqual({
      now: '2011-11-09T09:00:00.000Z',
      berlinDate: '2011-11-09',
      timeZone: 'Europe/Berlin',
      kind: 'fixed',
      simulated: true,
      speed: 0,
    });
  });

  it('is refused without a token', async () => {
    api = await startTestApi();
    expect((await api.http.get('/clock').expect(401)).body.code).toBe('missing-token');
  });
});
