import { canonicalJson, eventHash, GENESIS_HASH, MemoryEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import * as offline from '../../../../scripts/verify-export';
import { merkleRoot } from '../integrity/merkle';
import { AuditSigningKey, publicKeyInfo } from '../signing/audit-signing-key';
import { buildExport } from './build-export';
import { EXPORT_FORMAT } from './manifest';

// The offline verifier repeats, in plain JavaScript, what the server computes in TypeScript, so
// that it runs with nothing but Node. These tests hold the two to the same values.
const VALUES: unknown[] = [
  null,
  0,
  -1.5,
  1e21,
  'Brücken für Familien — „Präventionskette“ 🧒',
  '\u2028\u0000"\\',
  [1, undefined, { b: 2, a: [null, 'x'] }],
  { z: 1, a: undefined, ä: { y: [], x: {} }, A: true, '': false },
  {
    amountCents: 1_600_000,
    memberAgs: ['05978024', '05978020'],
    nested: { deep: { deeper: [1, [2, [3]]] } },
  },
];

describe('the offline verifier computes what the server computes', () => {
  it('canonical JSON', () => {
    for (const value of VALUES) expect(offline.canonicalJson(value)).toBe(canonicalJson(value));
    expect(() => offline.canonicalJson({ n: Infinity })).toThrow(/non-finite/);
  });

  it('event hashes', () => {
    VALUES.forEach((data, revision) => {
      const metadata = {
        eventId: `e-${revision}`,
        schemaVersion: 2,
        occurredAt: '2011-12-14T15:00:00.000Z',
        recordedAt: '2011-12-14T15:00:00.123Z',
        actor: { subject: 'municipality:05978000', role: 'municipality', ags: '05978000' },
        correlationId: 'c',
        causationId: 'c',
        prevHash: GENESIS_HASH,
      };
      const event = { streamId: 'application-kkz-2011.05978000', revision, type: 'Tick', data, metadata };
      expect(offline.eventHash(event)).toBe(eventHash(event));
    });
  });

  it('Merkle roots, for no, one, an odd and an even number of heads', () => {
    const heads = ['grant-c', 'application-a', 'survey-e', 'call-b', 'programme-d', 'Äpfel'].map(
      (streamId, i) => ({
        streamId,
        revision: i * 3,
        hash: String(i).repeat(64),
      }),
    );
    for (let n = 0; n <= heads.length; n++) {
      expect(offline.merkleRoot(heads.slice(0, n))).toBe(merkleRoot(heads.slice(0, n)));
    }
  });

  it('key descriptions and the format name', () => {
    const key = AuditSigningKey.generate();
    expect(offline.publicKeyInfo(key.publicKey)).toEqual(publicKeyInfo(key.publicKey));
    expect(offline.EXPORT_FORMAT).toBe(EXPORT_FORMAT);
    expect(offline.readEd25519PublicKey(key.info.publicKey)?.equals(key.publicKey)).toBe(true);
  });

  it('accepts what the server exports, stream heads and events of every shape', async () => {
    const store = new MemoryEventStore();
    let revision = -1;
    for (const data of VALUES) {
      await store.appendToStream(
        'grant-kkz.phase-1.05978000',
        [newEvent('Tick', { data })],
        revision < 0 ? 'no_stream' : revision,
      );
      revision++;
    }
    const key = AuditSigningKey.generate();
    const { text } = await buildExport(
      store,
      { description: { time: 'recorded' }, range: { axis: 'recorded' }, createdAt: 'x', createdBy: 'y' },
      key,
    );
    expect(offline.verifyExport(text, { pinnedPublicKey: key.info.keyId })).toMatchObject({
      ok: true,
      events: VALUES.length,
    });
  });
});
