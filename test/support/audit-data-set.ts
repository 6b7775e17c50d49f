import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointRecorder, loadSigningKey } from '@app/audit';
import { SqliteEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { BRUECKEN, KREIS_UNNA, OBERHAUSEN, UNNA_MEMBERS } from './fixtures';
import { confirmMembers } from './joint-application';
import { bearer, DEV_SECRET, publishCall2011, startTestApi, type TestApi } from './test-api';

export interface AuditDataSet {
  dir: string;
  file: string;
  /** What a command line run against this data set needs in its environment. */
  env: Record<string, string>;
}

/**
 * A small programme history in a SQLite file: the 2011 call, Kreis Unna's joint expression of
 * interest submitted today (schema v2), Oberhausen's submitted in 2011's shape (schema v1, no
 * `rules`, written straight to the store as the old code did), and a signed integrity checkpoint.
 * `more` may add to it while the API is still running.
 */
export async function buildAuditDataSet(more?: (api: TestApi) => Promise<void>): Promise<AuditDataSet> {
  const dir = mkdtempSync(join(tmpdir(), 'kkz-audit-'));
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore(file);
  const api = await startTestApi({ store, now: '2011-11-09T09:00:00.000Z', env: { DATA_DIR: dir } });
  await publishCall2011(api);
  const unna = bearer(await api.token('municipality', KREIS_UNNA));
  const oberhausen = bearer(await api.token('municipality', OBERHAUSEN));
  api.clock.set('2011-12-01T10:00:00.000Z');
  await api.http
    .post('/calls/kkz-2011/expressions-of-interest')
    .set(unna)
    .send({ ...BRUECKEN, memberAgs: UNNA_MEMBERS })
    .expect(201);
  await confirmMembers(api, 'kkz-2011.05978000', UNNA_MEMBERS);
  await api.http.post('/calls/kkz-2011/expressions-of-interest').set(oberhausen).send(BRUECKEN).expect(201);
  api.clock.set('2011-12-14T15:00:00.000Z');
  await api.http.post('/expressions-of-interest/kkz-2011.05978000/submit').set(unna).expect(200);
  await store.appendToStream('application-kkz-2011.05119000', [submittedInSchemaV1(OBERHAUSEN)], 0);
  await more?.(api);
  // The key the API made under DATA_DIR: the one the worker would sign with.
  const key = loadSigningKey({ source: 'generated', file: join(dir, 'audit-signing-key.pem') });
  await new CheckpointRecorder(store, () => api.clock.now(), key).record();
  await api.close();
  return {
    dir,
    file,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dir,
      EVENT_STORE_URL: `sqlite:${file}`,
      AUTH_DEV_SECRET: DEV_SECRET,
    },
  };
}

/** ExpressionOfInterestSubmitted as the 2011 code wrote it: schema version 1, no `rules`. */
export function submittedInSchemaV1(ags: string) {
  return newEvent(
    'ExpressionOfInterestSubmitted',
    { applicationId: `kkz-2011.${ags}`, callId: 'kkz-2011', submittedAt: '2011-12-15T11:00:00.000Z' },
    {
      schemaVersion: 1,
      occurredAt: '2011-12-15T11:00:00.000Z',
      actor: { subject: `municipality:${ags}`, role: 'municipality', ags },
    },
  );
}
