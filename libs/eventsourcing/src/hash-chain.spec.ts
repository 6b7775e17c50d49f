import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './adapters/sqlite-event-store';
import { canonicalJson } from './canonical-json';
import {
  eventHash,
  GENESIS_HASH,
  sealEvents,
  sealEventsSerialized,
  verifyStore,
  verifyStreamChain,
} from './hash-chain';
import type { NewEvent } from './event';
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
    // The members written by hand in their sorted order, and the general way for data left out.
    for (const other of [
      { ...input, data: undefined },
      { ...input, data: ['a', 1, null] },
      { ...input, data: 'line\nbreak "quoted" \ud800' },
      { ...input, streamId: 'deadline-"x"\\y', revision: 12, type: 'Type\u0001' },
    ]) {
      const { streamId, revision, type, data } = other;
      expect(eventHash(other)).toBe(
        createHash('sha256')
          .update(`${metadata.prevHash}\n${canonicalJson({ streamId, revision, type, data, metadata })}`)
          .digest('hex'),
      );
    }
  });
});

describe('sealing with the stored text', () => {
  const at = '2011-11-10T08:00:00.001Z';
  const cases: Array<[string, NewEvent[]]> = [
    [
      'ordinary events, chained',
      [
        newEvent('Tick', { text: 'Präventionskette €', n: 1.5, list: [1, null, 'x'] }),
        newEvent('Tock', { nested: { b: 2, a: [{ z: 1, y: undefined }] } }),
      ],
    ],
    [
      'values JSON turns plain: a date, undefined members, a member named like the seal in the data',
      [newEvent('Tick', { when: new Date(0), gone: undefined, hash: 'data, not seal' })],
    ],
    [
      'an envelope already carrying members of the seal (they keep their place)',
      [
        newEvent('Tick', { i: 1 }, { recordedAt: 'earlier', prevHash: 'x' } as never),
        newEvent('Tick', { i: 2 }, { hash: 'old' } as never),
      ],
    ],
    ['an empty envelope', [{ type: 'Tick', data: {}, metadata: {} as never }]],
    [
      'values that are not JSON as they are',
      [
        newEvent('Tick', {
          nan: Number.NaN,
          infinite: [Number.POSITIVE_INFINITY],
          holes: [1, undefined, 3],
          fn: () => 1,
          own: { toJSON: () => 'told' },
          map: new Map([['a', 1]]),
          instance: new (class Point {
            x = 1;
          })(),
          bare: Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
          negativeZero: -0,
        }),
        newEvent('Tock', [{ b: 1, a: undefined }, 'x']),
        newEvent('Tack', 'just a string'),
      ],
    ],
  ];
  it.each(cases)('stores the text of what sealEvents gives, with its hashes: %s', (_, events) => {
    const reference = sealEvents('call-a', 3, GENESIS_HASH, events, at);
    const serialized = sealEventsSerialized('call-a', 3, GENESIS_HASH, events, at);
    expect(serialized).toEqual(
      reference.map((event) => ({
        type: event.type,
        eventId: event.metadata.eventId,
        dataJson: JSON.stringify(event.data),
        metadataJson: JSON.stringify(event.metadata),
      })),
    );
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
