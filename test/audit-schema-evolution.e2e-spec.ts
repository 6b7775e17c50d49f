import { replayProjections } from '@app/audit';
import { type EventStore, ProjectionRunner, SqliteEventStore } from '@app/eventsourcing';
import { EVENT_STORE } from '@app/shared';
import { buildAuditDataSet } from './support/audit-data-set';
import { OBERHAUSEN } from './support/fixtures';
import { bearer, startTestApi, type TestApi } from './support/test-api';

const OBERHAUSEN_APP = `application-kkz-2011.${OBERHAUSEN}`;

/**
 * ExpressionOfInterestSubmitted v1 (2011) had no `rules`; v2 records the programme rules version
 * the submission was decided under. History is not rewritten: the v1 event stays in the file as
 * written, and every reader gets it in today's shape.
 */
describe('schema evolution: a v1 event written earlier replays into today’s state', () => {
  let api: TestApi;
  let store: SqliteEventStore;

  beforeAll(async () => {
    const data = await buildAuditDataSet();
    store = new SqliteEventStore(data.file);
    // A restart: the read models are rebuilt from position 0, through the upcaster.
    api = await startTestApi({ store, now: '2012-01-10T09:00:00.000Z', env: { DATA_DIR: data.dir } });
  });
  afterAll(() => api.close());

  it('keeps the v1 event in the store exactly as written, so its hash still verifies', async () => {
    const [, submitted] = await store.readStream(OBERHAUSEN_APP);
    expect(submitted.metadata.schemaVersion).toBe(1);
    expect(submitted.data).not.toHaveProperty('rules');
    const auditor = bearer(await api.token('auditor'));
    expect((await api.http.get('/audit/integrity').set(auditor).expect(200)).body.ok).toBe(true);
  });

  it('hands every reader of the application the v2 shape: decided under the call’s own terms', async () => {
    const events = await api.app.get<EventStore>(EVENT_STORE).readStream(OBERHAUSEN_APP);
    expect(events[1].metadata.schemaVersion).toBe(2);
    expect(events[1].data).toEqual({
      applicationId: 'kkz-2011.05119000',
      callId: 'kkz-2011',
      submittedAt: '2011-12-15T11:00:00.000Z',
      rules: { version: 0, effectiveFrom: null },
    });
    const auditor = bearer(await api.token('auditor'));
    const history = await api.http.get(`/audit/streams/${OBERHAUSEN_APP}/events`).set(auditor).expect(200);
    expect(history.body.events[1]).toMatchObject({
      metadata: { schemaVersion: 1 },
      upcast: { schemaVersion: 2, data: { rules: { version: 0, effectiveFrom: null } } },
    });
  });

  it('shows the old submission in today’s read models, and a rebuild from position 0 equals them', async () => {
    const office = bearer(await api.token('grants-office'));
    const view = await api.http.get('/expressions-of-interest/kkz-2011.05119000').set(office).expect(200);
    expect(view.body).toMatchObject({ status: 'submitted', submittedAt: '2011-12-15T11:00:00.000Z' });
    const runner = api.app.get(ProjectionRunner);
    const report = await replayProjections(api.app.get(EVENT_STORE), runner.registered(), runner);
    expect(report.projections.filter((p) => !p.equal)).toEqual([]);
  });

  it('writes a new submission in schema version 2 with its rules', async () => {
    const submitted = (await store.readStream('application-kkz-2011.05978000')).find(
      (e) => e.type === 'ExpressionOfInterestSubmitted',
    );
    expect(submitted?.metadata.schemaVersion).toBe(2);
    expect(submitted?.data).toHaveProperty('rules');
  });
});
