import { deadlinesProjection } from '@app/deadlines';
import { ProjectionRunner, rebuild } from '@app/eventsourcing';
import { CALL_2011, loadConfig, PROGRAMME_KKZ, SimulatedClock } from '@app/shared';
import { adoptTerms2011, bearer } from './support/test-api';
import { BRUECKEN, KREIS_UNNA } from './support/fixtures';
import {
  appendFact,
  type DeadlinesApi,
  SHARED_QUEUE_DB,
  startDeadlinesApi,
  uniquePrefix,
} from './support/deadlines-harness';
import { eventually, removeQueueKeys } from './support/waiting';

/** A business day in 500 ms of wall-clock time (see deadlines-scheduler.e2e-spec.ts for why). */
const SPEED = 86_400_000 / 500;
/** Friday 25 Nov 2011: the first reminder is 4.8 business days (2.4 s) away. */
const START = '2011-11-25T12:00:00.000Z';
const REPORT = 'kkz.phase-1.05978000.2011';

describe('the API process runs the worker: deadlines fire, the office watches the queue', () => {
  const prefix = uniquePrefix('deadlines-ops');
  let api: DeadlinesApi;
  let office: Record<string, string>;
  const clock = new SimulatedClock({ start: START, speed: SPEED });

  beforeAll(async () => {
    api = await startDeadlinesApi({ clock, queuePrefix: prefix });
    // Business time starts now, not while the API was starting.
    clock.set(START);
    office = bearer(await api.token('grants-office'));
    await api.http.post('/programmes').set(office).send(PROGRAMME_KKZ).expect(201);
    // Two and one day before: a day apart, so a firing may be late by up to half a second.
    await api.http
      .put('/programmes/kkz/deadline-settings')
      .set(office)
      .send({ reminderOffsetsDays: [2, 1], timeZone: 'Europe/Berlin' })
      .expect(200);
    // The report first, right after the settings: its first reminder is due 4.8 business days
    // (2.4 s) from the start, and the call's setup below must not outlast it on a loaded machine.
    // An ESF report of Kreis Unna due on Friday 2 Dec 2011, the call's closing day.
    await appendFact(
      api.store,
      `esf-report-${REPORT}`,
      'ReportPeriodOpened',
      {
        reportId: REPORT,
        grantId: 'kkz.phase-1.05978000',
        programmeId: 'kkz',
        ags: KREIS_UNNA,
        periodId: '2011',
        dueDate: '2011-12-02',
      },
      clock.nowIso(),
    );
    // A call closing on Friday 2 Dec 2011.
    await api.http
      .post('/programmes/kkz/calls')
      .set(office)
      .send({ ...CALL_2011, closingDate: '2011-12-02' })
      .expect(201);
    await adoptTerms2011({ http: api.http, clock }, office);
    await api.http.post('/calls/kkz-2011/publish').set(office).expect(200);
    // Kreis Unna drafts: the call's closing reminds it.
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(bearer(await api.token('municipality', KREIS_UNNA)))
      .send(BRUECKEN)
      .expect(201);
  });
  afterAll(async () => {
    await api.close();
    await removeQueueKeys(SHARED_QUEUE_DB, prefix);
  });

  it('runs the worker inside the API by default with the embedded store, not with EventStoreDB', () => {
    const base = { AUTH_DEV_SECRET: 'x'.repeat(32), DATA_DIR: '/tmp/kkz-config-check' };
    expect(loadConfig({ ...base, EVENT_STORE_URL: 'memory:' }).runWorkerInApi).toBe(true);
    expect(loadConfig({ ...base }).runWorkerInApi).toBe(true);
    expect(loadConfig({ ...base, EVENT_STORE_URL: 'esdb://localhost:2113?tls=false' }).runWorkerInApi).toBe(
      false,
    );
    expect(
      loadConfig({ ...base, EVENT_STORE_URL: 'memory:', RUN_WORKER_IN_API: 'false' }).runWorkerInApi,
    ).toBe(false);
  });

  it('closes the call, misses the report and escalates it, and tells who was reminded when', async () => {
    await eventually(
      async () => (await api.http.get('/deadlines?status=missed').set(office)).body.items?.length === 1,
      10_000,
      'the report to be missed',
    );
    await eventually(
      async () => (await api.http.get('/calls/kkz-2011').set(office)).body.status === 'closed',
      5000,
      'the call to be closed',
    );
    const call = (await api.http.get('/deadlines/call-closes.kkz-2011').set(office).expect(200)).body;
    expect(call).toMatchObject({ status: 'met', metAt: '2011-12-02T23:00:00.000Z' });

    const unna = bearer(await api.token('municipality', KREIS_UNNA));
    const report = (await api.http.get(`/deadlines/esf-report-due.${REPORT}`).set(unna).expect(200)).body;
    expect(report.history.map((e: { type: string }) => e.type)).toEqual([
      'DeadlineOpened',
      'DeadlineReminderIssued',
      'DeadlineReminderIssued',
      'DeadlineMissed',
      'DeadlineEscalated',
    ]);
    expect(report.reminders).toEqual([
      expect.objectContaining({
        offsetDays: 2,
        remindAt: '2011-11-30T07:00:00.000Z',
        obligedAgs: [KREIS_UNNA],
      }),
      expect.objectContaining({
        offsetDays: 1,
        remindAt: '2011-12-01T07:00:00.000Z',
        obligedAgs: [KREIS_UNNA],
      }),
    ]);
    expect(report).toMatchObject({ status: 'missed', escalatedAt: expect.any(String) });
    const open = async (date: string) =>
      (await api.http.get(`/deadlines?openOn=${date}&ags=${KREIS_UNNA}`).set(office)).body.total;
    expect(await open('2011-12-02')).toBe(1);
    expect(await open('2011-12-03')).toBe(0);

    // The read model rebuilt from the store equals the live one.
    const live = api.app.get(ProjectionRunner).state(deadlinesProjection);
    expect(rebuild(deadlinesProjection, await api.store.readAll())).toEqual(live);
  }, 15_000);

  it('serves the queue dashboard to the grants office only', async () => {
    const none = await api.http.get('/admin/queues').expect(401);
    expect(none.headers['content-type']).toMatch(/problem\+json/);
    expect(none.body.code).toBe('missing-token');
    await api.http.get('/admin/queues').set('Authorization', 'Bearer forged').expect(401);
    const municipality = bearer(await api.token('municipality', KREIS_UNNA));
    expect((await api.http.get('/admin/queues').set(municipality).expect(403)).body.code).toBe(
      'forbidden-role',
    );
    await api.http
      .get('/admin/queues/api/queues')
      .set(bearer(await api.token('auditor')))
      .expect(403);
    const page = await api.http.get('/admin/queues').set(office).expect(200);
    expect(page.headers['content-type']).toMatch(/html/);
    const queues = await api.http.get('/admin/queues/api/queues').set(office).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(['deadlines']);
  });

  it('publishes queue depth and firing lateness for the grants office', async () => {
    await api.http.get('/metrics').expect(401);
    await api.http
      .get('/metrics')
      .set(bearer(await api.token('auditor')))
      .expect(403);
    const res = await api.http.get('/metrics').set(office).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/^kkz_deadline_queue_up 1$/m);
    expect(res.text).toMatch(/^kkz_deadline_jobs\{state="delayed"\} \d+$/m);
    const count = /^kkz_deadline_firing_lateness_ms_count (\d+)$/m.exec(res.text);
    expect(Number(count?.[1])).toBeGreaterThanOrEqual(6);
    expect(res.text).toMatch(/^kkz_deadline_firings_total\{firing="due"\} 2$/m);
  });
});
