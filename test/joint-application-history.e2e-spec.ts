import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { BRUECKEN, KREIS_UNNA, UNNA_MEMBERS } from './support/fixtures';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';

const [KAMEN, LUENEN] = UNNA_MEMBERS;
const APP = `kkz-2011.${KREIS_UNNA}`;
const applicant = (ags: string, name: string, type: string, population: number) => ({
  ags,
  name,
  type,
  population,
  regierungsbezirk: 'Arnsberg',
});
const actor = { subject: `municipality:${KREIS_UNNA}`, role: 'municipality', ags: KREIS_UNNA };
const occurredAt = '2011-11-14T10:00:00.000Z';

/**
 * Before invitations, a lead's draft bound the members it named: the code claimed their
 * participation streams and wrote `members[]` into a version-1 draft. That history is kept as it
 * happened: those members read as confirmed (bound by the lead), and they may leave as any member.
 */
describe('a joint application drafted by the code before invitations', () => {
  let api: TestApi;
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'kkz-verbund-v1-')), 'events.sqlite'));
    api = await startTestApi({ store, now: '2011-11-09T09:00:00.000Z' });
    await publishCall2011(api);
    // Exactly the streams the previous code wrote for the draft, straight into the store.
    for (const ags of [KREIS_UNNA, KAMEN, LUENEN])
      await store.appendToStream(
        `participation-kkz-2011.${ags}`,
        [
          newEvent(
            'ParticipationClaimed',
            { callId: 'kkz-2011', ags, applicationId: APP },
            { schemaVersion: 1, occurredAt, actor },
          ),
        ],
        'no_stream',
      );
    const { position } = await store.appendToStream(
      `application-${APP}`,
      [
        newEvent(
          'ExpressionOfInterestDrafted',
          {
            applicationId: APP,
            callId: 'kkz-2011',
            programmeId: 'kkz',
            applicant: applicant(KREIS_UNNA, 'Kreis Unna', 'kreis', 395000),
            members: [
              applicant(KAMEN, 'Kamen', 'kreisangehoerige-stadt', 43000),
              applicant(LUENEN, 'Lünen', 'kreisangehoerige-stadt', 86000),
            ],
            content: BRUECKEN,
          },
          { schemaVersion: 1, occurredAt, actor },
        ),
      ],
      'no_stream',
    );
    // The running API reads the new events through its subscription, as after a deployment.
    const { ProjectionRunner } = await import('@app/eventsourcing');
    await api.app.get(ProjectionRunner).waitFor(position);
  });
  afterAll(() => api.close());

  const as = async (ags: string) => bearer(await api.token('municipality', ags));

  it('shows the members the old draft named as confirmed, bound by the lead', async () => {
    const view = await api.http
      .get(`/expressions-of-interest/${APP}`)
      .set(await as(KREIS_UNNA))
      .expect(200);
    expect(view.body.members.map((m: { ags: string }) => m.ags)).toEqual([KAMEN, LUENEN]);
    expect(view.body.invitations).toEqual([
      expect.objectContaining({ status: 'confirmed', boundByLead: true, invitedAt: occurredAt }),
      expect.objectContaining({ status: 'confirmed', boundByLead: true, invitedAt: occurredAt }),
    ]);
    const [stored] = await store.readStream(`application-${APP}`);
    expect(stored.metadata.schemaVersion).toBe(1);
    expect(stored.data).toHaveProperty('members');
  });

  it('keeps such a member bound until it leaves, and frees it when it does', async () => {
    const refused = await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(await as(KAMEN))
      .send(BRUECKEN)
      .expect(409);
    expect(refused.body.code).toBe('already-participating');
    await api.http
      .post(`/expressions-of-interest/${APP}/members/${KAMEN}/leave`)
      .set(await as(KAMEN))
      .send({ reason: 'Der Rat wurde nie gefragt.' })
      .expect(200);
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(await as(KAMEN))
      .send(BRUECKEN)
      .expect(201);
  });

  it("lets today's revision keep the other member without asking it again", async () => {
    await api.http
      .put(`/expressions-of-interest/${APP}`)
      .set(await as(KREIS_UNNA))
      .send({ ...BRUECKEN, memberAgs: [LUENEN] })
      .expect(200);
    const view = await api.http
      .get(`/expressions-of-interest/${APP}`)
      .set(await as(KREIS_UNNA))
      .expect(200);
    expect(view.body.members.map((m: { ags: string }) => m.ags)).toEqual([LUENEN]);
    const auditor = bearer(await api.token('auditor'));
    expect((await api.http.get('/audit/integrity').set(auditor).expect(200)).body.ok).toBe(true);
  });
});
