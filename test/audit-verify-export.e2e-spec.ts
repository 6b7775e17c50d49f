import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519WithOddTail, rawEd25519, rsaKeyEndingIn } from '@app/audit/testing/forged-rsa-key';
import { SqliteEventStore } from '@app/eventsourcing';
import { buildAuditDataSet } from './support/audit-data-set';
import { runNode } from './support/run-ts';
import { bearer, startTestApi } from './support/test-api';

const VERIFY_EXPORT = 'scripts/verify-export.js';

jest.setTimeout(120_000);

describe('audit:verify-export (offline)', () => {
  let file: string;
  let publicKeyFile: string;
  let dir: string;
  let lines: string[];

  beforeAll(async () => {
    const data = await buildAuditDataSet();
    dir = data.dir;
    const api = await startTestApi({ store: new SqliteEventStore(data.file), env: { DATA_DIR: data.dir } });
    const auditor = bearer(await api.token('auditor'));
    const key = await api.http.get('/audit/public-key').set(auditor).expect(200);
    const exported = await api.http
      .get('/audit/export?programmeId=kkz')
      .set(auditor)
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done(null, body));
      })
      .expect(200);
    await api.close();
    file = join(dir, 'export.ndjson');
    writeFileSync(file, exported.body as string);
    lines = (exported.body as string).split('\n');
    publicKeyFile = join(dir, 'audit-public-key.pem');
    writeFileSync(publicKeyFile, key.body.publicKeyPem);
  });

  /** Nothing from this repository or its node_modules can be found from here. */
  const offline = { PATH: process.env.PATH ?? '', NODE_PATH: '' };
  const variant = (name: string, content: string[]) => {
    const path = join(dir, `${name}.ndjson`);
    writeFileSync(path, content.join('\n'));
    return path;
  };

  it('exits 0 for an untouched export, with the key pinned, and names the checkpoint to hold the store to', async () => {
    const result = await runNode(VERIFY_EXPORT, [file, '--public-key', publicKeyFile], offline);
    expect(result.stdout).toMatch(/OK: the export is intact and its signature verifies/);
    expect(result.stdout).toMatch(/npm run audit:verify -- --expect 1:[0-9a-f]{64}/);
    expect(result.code).toBe(0);
  });

  it('runs as one file copied anywhere, with no node_modules and no build', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'kkz-auditor-'));
    copyFileSync(VERIFY_EXPORT, join(elsewhere, 'verify-export.js'));
    copyFileSync(file, join(elsewhere, 'export.ndjson'));
    copyFileSync(publicKeyFile, join(elsewhere, 'key.pem'));
    const result = await runNode(
      join(elsewhere, 'verify-export.js'),
      ['export.ndjson', '--public-key', 'key.pem'],
      offline,
      elsewhere,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/OK: the export is intact/);
    expect(result.code).toBe(0);
  });

  it('runs through scripts/run.js without installing or compiling (no npm on the PATH)', async () => {
    const result = await runNode(
      'scripts/run.js',
      ['audit-verify-export', file, '--public-key', publicKeyFile],
      {
        PATH: '',
        NODE_PATH: '',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/OK: the export is intact/);
    expect(result.code).toBe(0);
  });

  it('exits 1 for an altered, a dropped or a reordered line', async () => {
    const variants = {
      altered: lines.map((l, i) => (i === 2 ? l.replace('"kkz-2011"', '"kkz-2012"') : l)),
      dropped: lines.filter((_, i) => i !== 1),
      reordered: [lines[1], lines[0], ...lines.slice(2)],
    };
    for (const [name, content] of Object.entries(variants)) {
      const result = await runNode(VERIFY_EXPORT, [variant(name, content)], offline);
      expect({ name, code: result.code }).toEqual({ name, code: 1 });
      expect(result.stdout).toMatch(/MISMATCH/);
    }
  });

  it('exits 1, naming the line, for a malformed file instead of crashing', async () => {
    const withoutPrevHash = JSON.parse(lines[1]);
    delete withoutPrevHash.metadata.prevHash;
    const manifestLine = lines.length - 1;
    const trailer = JSON.parse(lines[manifestLine - 1]);
    const cases = {
      'no-prev-hash': [
        [lines[0], JSON.stringify(withoutPrevHash), ...lines.slice(2)],
        /MISMATCH line 2 is not a stored event: no metadata\.prevHash/,
      ],
      'not-json': [
        [lines[0], 'not json at all', ...lines.slice(2)],
        /MISMATCH line 2 is not a stored event: not JSON/,
      ],
      'heads-not-a-list': [
        [
          ...lines.slice(0, manifestLine - 1),
          JSON.stringify({ ...trailer, manifest: { ...trailer.manifest, streamHeads: 'all of them' } }),
        ],
        new RegExp(`MISMATCH line ${manifestLine} \\(the manifest\\) has no list of stream heads`),
      ],
    } as const;
    for (const [name, [content, expected]] of Object.entries(cases)) {
      const result = await runNode(VERIFY_EXPORT, [variant(name, [...content])], offline);
      expect({ name, code: result.code, stderr: result.stderr }).toEqual({ name, code: 1, stderr: '' });
      expect(result.stdout).toMatch(expected);
    }
  });

  it('exits 1 for a signature text altered so that it still decodes to the same bytes', async () => {
    const at = lines.length - 2;
    const trailer = JSON.parse(lines[at]) as { signature: string };
    const { signature } = trailer;
    // 64 bytes: 86 characters and '=='; the last of the 86 has four unused low bits.
    const last = signature.length - 3;
    const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sameBytes =
      signature.slice(0, last) + base64[base64.indexOf(signature[last]) ^ 1] + signature.slice(last + 1);
    expect(Buffer.from(sameBytes, 'base64').equals(Buffer.from(signature, 'base64'))).toBe(true);
    for (const [name, altered] of Object.entries({
      'same-bytes': sameBytes,
      'skipped-character': `${signature.slice(0, 10)}!${signature.slice(10)}`,
    })) {
      const content = [
        ...lines.slice(0, at),
        JSON.stringify({ ...trailer, signature: altered }),
        ...lines.slice(at + 1),
      ];
      const result = await runNode(
        VERIFY_EXPORT,
        [variant(name, content), '--public-key', publicKeyFile],
        offline,
      );
      expect({ name, code: result.code }).toEqual({ name, code: 1 });
      expect(result.stdout).toMatch(/the signature does not match the manifest/);
    }
  });

  it('exits 1 when the export was re-signed by another key and that key is not the pinned one', async () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const otherFile = join(dir, 'other.pem');
    writeFileSync(otherFile, other);
    const result = await runNode(VERIFY_EXPORT, [file, '--public-key', otherFile], offline);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/not by the pinned key/);
  });

  it('exits 2 for a pin that is no Ed25519 key, an RSA key ending in the right bytes included', async () => {
    const genuine = ed25519WithOddTail();
    const rsa = rsaKeyEndingIn(rawEd25519(genuine.publicKey));
    const rsaFile = join(dir, 'rsa.pem');
    writeFileSync(rsaFile, rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString());
    for (const pin of [rsaFile, 'not-a-key']) {
      const result = await runNode(VERIFY_EXPORT, [file, '--public-key', pin], offline);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--public-key must be an Ed25519 public key/);
    }
  });

  it('exits 2 for a file that is not there', async () => {
    const result = await runNode(VERIFY_EXPORT, [join(dir, 'missing.ndjson')], offline);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/there is no file/);
  });
});
