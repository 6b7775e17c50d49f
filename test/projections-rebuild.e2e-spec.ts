import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionRunner, rebuild, SqliteEventStore } from '@app/eventsourcing';
import { expressionsOfInterestProjection } from '@app/applications';
import { programmesCallsProjection } from '@app/programmes-calls';
import { BRUECKEN, KREIS_UNNA, OBERHAUSEN, UNNA_MEMBERS } from './support/fixtures';
import { bearer, publishCall2011, startTestApi } from './support/test-api';

describe('read models', () => {
  it('rebuilt from the store after a restart equal the live ones, and survive delivery twice', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kkz-rebuild-')), 'events.sqlite');
    const api = await startTestApi({ store: new SqliteEventStore(file) });
    await publishCall2011(api);
    const unna = bearer(await api.token('municipality', KREIS_UNNA));
    const oberhausen = bearer(await api.token('municipality', OBERHAUSEN));
    await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(unna)
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
      .expect(201);
    await api.http
      .put('/expressions-of-interest/kkz-2011.05978000')
      .set(unna)
      .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS.slice(0, 2) })
      .expect(200);
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(oberhausen).send(BRUECKEN).expect(201);
    await api.http.post('/expressions-of-interest/kkz-2011.05119000/submit').set(oberhausen).expect(200);

    const runner = api.app.get(ProjectionRunner);
    const live = [runner.state(programmesCallsProjection), runner.state(expressionsOfInterestProjection)];
    await api.close();

    const reopened = new SqliteEventStore(file);
    const events = await reopened.readAll();
    expect(rebuild(programmesCallsProjection, events)).toEqual(live[0]);
    expect(rebuild(expressionsOfInterestProjection, events)).toEqual(live[1]);

    // A runner that sees every event twice (at-least-once delivery) ends in the same state.
    const runner2 = new ProjectionRunner(reopened);
    runner2.register(expressionsOfInterestProjection);
    await runner2.start();
    const twice = runner2.state(expressionsOfInterestProjection);
    for (const e of events) (runner2 as unknown as { apply(e: unknown): void }).apply(e);
    expect(runner2.state(expressionsOfInterestProjection)).toEqual(twice);
    expect(twice).toEqual(live[1]);
    await runner2.stop();
    await reopened.close();
  });
});
