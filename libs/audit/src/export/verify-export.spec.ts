import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson, MemoryEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { buildExport, type ExportRequest } from './build-export';
import type { ExportTrailer } from './manifest';
import { ExportSigningKey } from './signing-key';
import { verifyExport } from './verify-export';

const REQUEST: ExportRequest = {
  description: { time: 'recorded' },
  range: { axis: 'recorded' },
  createdAt: '2018-01-03T10:00:00.000Z',
  createdBy: 'auditor:lrh',
};

const newKey = () => new ExportSigningKey(generateKeyPairSync('ed25519').privateKey);

async function exported(key = newKey()) {
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
      expect(verify(text, pin)).toMatchObject({ ok: true, pinned: true });
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
    const forger = newKey();
    lines[0] = lines[0].replace('"i":0', '"i":0,"note":"forged"');
    // The forger recomputes everything a verifier checks and signs with a key of their own.
    const forged = await reexport(lines, forger);
    expect(verify(forged).ok).toBe(true);
    expect(verify(forged, key.info.publicKeyPem).problems).toEqual([
      expect.stringMatching(/signed by key [0-9a-f]{64}, not by the pinned key/),
    ]);
  });

  it('refuses a file whose last line is not a manifest', () => {
    expect(verify('{"streamId":"x"}\n').problems).toEqual([
      expect.stringMatching(/not a kkz-audit-export\/1 manifest/),
    ]);
  });
});

/** What a forger would do: store the rewritten events anew (fresh hashes), export and re-sign. */
async function reexport(lines: string[], key: ExportSigningKey): Promise<string> {
  const store = new MemoryEventStore();
  for (const line of lines.slice(0, -1)) {
    const e = JSON.parse(line);
    const { hash: _h, prevHash: _p, recordedAt: _r, ...metadata } = e.metadata;
    await store.appendToStream(e.streamId, [{ type: e.type, data: e.data, metadata }], 'any');
  }
  return (await buildExport(store, REQUEST, key)).text;
}
