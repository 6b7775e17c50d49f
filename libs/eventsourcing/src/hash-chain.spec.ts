import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './adapters/sqlite-event-store';
import { canonicalJson } from './canonical-json';
import { eventHash, GENESIS_HASH, verifyStore, verifyStreamChain } from './hash-chain';
import { newEvent } from './testing/new-event';

/** A store with two streams of five events each, and direct SQL access to tamper with its file. */
async function tamperableStore() {
  const file = join(mkdtempSync(join(tmpdir(), 'chain-')), 'events.sqlite');
  const store = new SqliteEventStore(file);
  for (let i = 0; i < 5; i++) {
    await store.appendToStream(
      'call-a',
      [newEvent('Tick', { i, text: 'Präventionskette' })],
      i === 0 ? 'no_stream' : i - 1,
    );
    await store.appendToStream('call-b', [newEvent('Tick', { i })], i === 0 ? 'no_stream' : i - 1);
  }
  await store.close();
  const sql = new Database(file);
  const verify = async () => {
    const reopened = new SqliteEventStore(file);
    const result = await verifyStore((after) => reopened.readAll({ after, maxCount: 3 }));
    await reopened.close();
    return result;
  };
  return { sql, verify };
}

describe('event hash', () => {
  it('is the SHA-256 of the previous hash, a newline and the canonical JSON, as every stored chain was written', () => {
    const metadata = {
      eventId: 'e-1',
      schemaVersion: 1,
      occurredAt: '2011-11-10T08:00:00.000Z',
      recordedAt: '2011-11-10T08:00:00.001Z',
      actor: { subject: 'sb-1', role: 'grants-office' as const },
      correlationId: 'c-1',
      causationId: 'c-1',
      prevHash: GENESIS_HASH,
    };
    const input = {
      streamId: 'call-a',
      revision: 0,
      type: 'Tick',
      data: { text: 'Präventionskette €' },
      metadata,
    };
    const reference = createHash('sha256')
      .update(metadata.prevHash)
      .update('\n')
      .update(canonicalJson({ streamId: 'call-a', revision: 0, type: 'Tick', data: input.data, metadata }))
      .digest('hex');
    expect(eventHash(input)).toBe(reference);
    expect(eventHash({ ...input, metadata: { ...metadata, prevHash: reference } })).not.toBe(reference);
  });
});

describe('hash chain verification', () => {
  it('finds nothing wrong in an untouched store', async () => {
    const { sql, verify } = await tamperableStore();
    expect(await verify()).toEqual({ events: 10, streams: 2, breaks: [] });
    sql.close();
  });

  it('names the first event whose payload was altered in the file', async () => {
    const { sql, verify } = await tamperableStore();
    sql
      .prepare(
        `UPDATE events SET data = '{"i":99,"text":"Präventionskette"}' WHERE stream_id = 'call-a' AND revision = 2`,
      )
      .run();
    const { breaks } = await verify();
    expect(breaks).toEqual([
      expect.objectContaining({ streamId: 'call-a', revision: 2, reason: 'hash-mismatch' }),
    ]);
    sql.close();
  });

  it('notices altered metadata, such as a changed actor', async () => {
    const { sql, verify } = await tamperableStore();
    const row = sql
      .prepare(`SELECT metadata FROM events WHERE stream_id = 'call-b' AND revision = 1`)
      .get() as { metadata: string };
    const metadata = JSON.parse(row.metadata);
    metadata.actor.subject = 'someone-else';
    sql
      .prepare(`UPDATE events SET metadata = ? WHERE stream_id = 'call-b' AND revision = 1`)
      .run(JSON.stringify(metadata));
    expect((await verify()).breaks).toEqual([
      expect.objectContaining({ streamId: 'call-b', revision: 1, reason: 'hash-mismatch' }),
    ]);
    sql.close();
  });

  it('notices a deleted event as a missing revision', async () => {
    const { sql, verify } = await tamperableStore();
    sql.prepare(`DELETE FROM events WHERE stream_id = 'call-a' AND revision = 3`).run();
    expect((await verify()).breaks).toEqual([
      expect.objectContaining({ streamId: 'call-a', revision: 4, reason: 'revision-gap' }),
    ]);
    sql.close();
  });

  it('notices events swapped in order, even with their revisions renumbered', async () => {
    const { sql, verify } = await tamperableStore();
    // Swap the content of revisions 1 and 2, keeping the revision numbers in place.
    const rows = sql
      .prepare(
        `SELECT position, data, metadata, event_id FROM events WHERE stream_id = 'call-a' AND revision IN (1, 2) ORDER BY revision`,
      )
      .all() as { position: number; data: string; metadata: string; event_id: string }[];
    const swap = sql.prepare('UPDATE events SET data = ?, metadata = ?, event_id = ? WHERE position = ?');
    sql.transaction(() => {
      swap.run(rows[1].data, rows[1].metadata, `tmp-${rows[1].event_id}`, rows[0].position);
      swap.run(rows[0].data, rows[0].metadata, rows[0].event_id, rows[1].position);
    })();
    const { breaks } = await verify();
    expect(breaks[0]).toMatchObject({ streamId: 'call-a', revision: 1 });
    expect(['prev-hash-mismatch', 'hash-mismatch']).toContain(breaks[0].reason);
    sql.close();
  });

  it('checks one stream read on its own, and says which link broke', () => {
    const events = [0, 1, 2].map((revision) => ({
      streamId: 's-1',
      revision,
      position: revision + 1,
      type: 'Tick',
      data: { revision },
      metadata: { eventId: `e${revision}`, prevHash: '', hash: '' } as never,
    }));
    expect(verifyStreamChain('s-1', events)).toMatchObject({ revision: 0, reason: 'prev-hash-mismatch' });
  });
});
