import { sign } from 'node:crypto';
import { canonicalJson, MemoryEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { verifyExport } from '../../../../scripts/verify-export';
import { AuditSigningKey } from '../signing/audit-signing-key';
import { ed25519WithOddTail, rawEd25519, rsaKeyEndingIn } from '../testing/forged-rsa-key';
import { buildExport, type ExportRequest } from './build-export';
import type { ExportTrailer } from './manifest';

const REQUEST: ExportRequest = {
  description: { time: 'recorded' },
  range: { axis: 'recorded' },
  createdAt: '2018-01-03T10:00:00.000Z',
  createdBy: 'auditor:lrh',
};

async function exported(key = AuditSigningKey.generate()) {
  const store = new MemoryEventStore();
  for (let i = 0; i < 3; i++) {
    await store.appendToStream(
      'grant-kkz.phase-1.05978000',
      [newEvent('DisbursementRequested', { i, amountCents: 1_600_000 })],
      i - 1 < 0 ? 'no_stream' : i - 1,
    );
    await store.appendToStream(`esf-report-r${i}`, [newEvent('EsfReportSubmitted', { i })], 'no_stream');
  }
  const { text } = await buildExport(store, REQUEST, key);
  return { key, text, lines: text.trimEnd().split('\n') };
}

const verify = (text: string, pinnedPublicKey?: string) =>
  verifyExport(Buffer.from(text), { pinnedPublicKey });
const join = (lines: string[]) => `${lines.join('\n')}\n`;

describe('offline verification of an export', () => {
  it('accepts an untouched export, pinned by PEM, raw key or key id', async () => {
    const { key, text } = await exported();
    expect(verify(text)).toMatchObject({ ok: true, events: 6, streams: 4, pinned: false, problems: [] });
    for (const pin of [key.info.publicKeyPem, key.info.publicKey, key.info.keyId]) {
      expect(verify(text, pin)).toMatchObject({ ok: true, pinned: true, keyId: key.info.keyId });
    }
  });

  it('refuses an altered event, naming its line', async () => {
    const { lines } = await exported();
    lines[2] = lines[2].replace('1600000', '2600000');
    const result = verify(join(lines));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/SHA-256/),
        expect.stringMatching(/^line 3 .*the hash does not match the event/),
      ]),
    );
  });

  it('refuses a dropped event and events put in another order', async () => {
    const { lines } = await exported();
    const dropped = verify(join([lines[0], ...lines.slice(3)]));
    expect(dropped.problems).toEqual(expect.arrayContaining([expect.stringMatching(/expected revision 1/)]));
    const swapped = verify(join([lines[2], lines[1], lines[0], ...lines.slice(3)]));
    expect(swapped.ok).toBe(false);
    expect(swapped.problems).toEqual(expect.arrayContaining([expect.stringMatching(/out of order/)]));
  });

  it('refuses a manifest changed after signing', async () => {
    const { lines } = await exported();
    const trailer = JSON.parse(lines[lines.length - 1]) as ExportTrailer;
    trailer.manifest.createdBy = 'someone-else';
    lines[lines.length - 1] = canonicalJson(trailer);
    expect(verify(join(lines)).problems).toEqual([expect.stringMatching(/signature does not match/)]);
  });

  it('accepts a file re-signed by a forger only when no key is pinned: that is why pinning matters', async () => {
    const { key, lines } = await exported();
    const forger = AuditSigningKey.generate();
    lines[0] = lines[0].replace('"i":0', '"i":0,"note":"forged"');
    // The forger recomputes everything a verifier checks and signs with a key of their own.
    const forged = await reexport(lines, forger);
    expect(verify(forged).ok).toBe(true);
    expect(verify(forged, key.info.publicKeyPem).problems).toEqual([
      expect.stringMatching(/signed by key [0-9a-f]{64}, not by the pinned key/),
    ]);
  });

  it('refuses an export signed by an RSA key built to end in the pinned Ed25519 key, whatever the pin', async () => {
    const genuine = ed25519WithOddTail();
    const key = new AuditSigningKey(genuine.privateKey);
    const rsa = rsaKeyEndingIn(rawEd25519(genuine.publicKey));
    const { lines } = await exported(key);
    lines[0] = lines[0].replace('"i":0', '"i":0,"note":"forged"');
    const rewritten = (await reexport(lines, key)).trimEnd().split('\n');
    // The forger's manifest names the pinned key's id and raw key, carries the RSA key as its
    // PEM (its SPKI ends in the pinned raw key) and an RSA-SHA256 signature.
    const trailer = JSON.parse(rewritten.pop() as string) as ExportTrailer;
    trailer.manifest.publicKey = {
      ...key.info,
      publicKeyPem: rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    };
    const payload = Buffer.from(canonicalJson(trailer.manifest), 'utf8');
    trailer.signature = sign('sha256', payload, rsa.privateKey).toString('base64');
    const forged = join([...rewritten, canonicalJson(trailer)]);
    const rsaDer = rsa.publicKey.export({ format: 'der', type: 'spki' });
    expect(rsaDer.subarray(rsaDer.length - 32).equals(rawEd25519(genuine.publicKey))).toBe(true);

    expect(verify(forged).problems).toEqual([
      expect.stringMatching(/^line 7 \(the manifest\) carries no Ed25519 public key \(a rsa key\)/),
    ]);
    for (const pin of [key.info.publicKeyPem, key.info.publicKey, key.info.keyId]) {
      expect(verify(forged, pin).ok).toBe(false);
    }
  });

  it('takes no RSA key as the pin, even one whose encoding ends in the signing key', async () => {
    const genuine = ed25519WithOddTail();
    const key = new AuditSigningKey(genuine.privateKey);
    const rsa = rsaKeyEndingIn(rawEd25519(genuine.publicKey));
    const { text } = await exported(key);
    const rsaPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(verify(text, rsaPem).problems).toEqual([
      expect.stringMatching(/pinned key is not an Ed25519 key/),
    ]);
  });

  it('refuses a file whose last line is not a manifest', () => {
    expect(verify('{"streamId":"x"}\n').problems).toEqual([
      expect.stringMatching(/^line 1 \(the manifest\) is not a kkz-audit-export\/1 manifest/),
    ]);
    expect(verify('').ok).toBe(false);
  });

  describe('a malformed file is a mismatch naming the line, never a crash', () => {
    it('an event line without prevHash', async () => {
      const { lines } = await exported();
      const event = JSON.parse(lines[1]);
      delete event.metadata.prevHash;
      lines[1] = JSON.stringify(event);
      expect(verify(join(lines)).problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^line 2 is not a stored event: no metadata\.prevHash/),
        ]),
      );
    });

    it('a line that is not JSON, and one that is JSON but no object', async () => {
      const { lines } = await exported();
      lines[3] = '{"streamId": "grant-kkz';
      lines[4] = '[1,2,3]';
      const problems = verify(join(lines)).problems;
      expect(problems).toEqual(
        expect.arrayContaining([
          'line 4 is not a stored event: not JSON',
          'line 5 is not a stored event: not a JSON object',
        ]),
      );
    });

    it('a manifest whose streamHeads is not a list, or whose parts are missing', async () => {
      const { lines } = await exported();
      const trailer = JSON.parse(lines[6]);
      for (const [change, expected] of [
        [{ streamHeads: { grant: 1 } }, /has no list of stream heads/],
        [{ streamHeads: [null] }, /has a malformed stream head \(entry 1\)/],
        [{ publicKey: null }, /carries no public key/],
        [{ events: 'six' }, /does not count events and streams/],
      ] as const) {
        lines[6] = JSON.stringify({ ...trailer, manifest: { ...trailer.manifest, ...change } });
        const result = verify(join(lines));
        expect(result.ok).toBe(false);
        expect(result.problems).toEqual([
          expect.stringMatching(new RegExp(`^line 7 \\(the manifest\\) ${expected.source}`)),
        ]);
      }
    });
  });
});

/** What a forger would do: store the rewritten events anew (fresh hashes), export and re-sign. */
async function reexport(lines: string[], key: AuditSigningKey): Promise<string> {
  const store = new MemoryEventStore();
  for (const line of lines.slice(0, -1)) {
    const e = JSON.parse(line);
    const { hash: _h, prevHash: _p, recordedAt: _r, ...metadata } = e.metadata;
    await store.appendToStream(e.streamId, [{ type: e.type, data: e.data, metadata }], 'any');
  }
  return (await buildExport(store, REQUEST, key)).text;
}
