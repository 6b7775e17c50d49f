import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTs } from './support/run-ts';
import { DEV_SECRET } from './support/test-api';

/**
 * A registry file with a bad row stops the API at start: exit 78 and one sentence naming the file,
 * the line and the field, no stack trace.
 */
jest.setTimeout(120_000);

describe('the municipality registry at start', () => {
  const root = mkdtempSync(join(tmpdir(), 'registry-start-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a row of an unknown type stops the API with one sentence naming file, line and field', async () => {
    const official = readFileSync(join(__dirname, '../reference-data/nrw-gemeindeverzeichnis.csv'), 'utf8');
    const lines = official.trimEnd().split('\n');
    // Line 6 of the file (the header is line 1) gets a type the registry does not know.
    lines[5] = lines[5].replace('kreisfreie-stadt', 'stadtkreis');
    const bad = join(root, 'registry.csv');
    writeFileSync(bad, `${lines.join('\n')}\n`);
    const started = await runTs('apps/api/src/main.ts', [], {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATA_DIR: join(root, 'data'),
      AUTH_DEV_SECRET: DEV_SECRET,
      HOST: '127.0.0.1',
      PORT: '3411',
      QUEUE_PREFIX: 'c2-registry-start',
      LOG_LEVEL: 'info',
      MUNICIPALITY_REGISTRY_FILE: bad,
    });
    expect(started.code).toBe(78);
    const out = started.stderr.trim().split('\n');
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(bad);
    expect(out[0]).toMatch(/line 6, field "type": "stadtkreis" is not one of kreisfreie-stadt, /);
    expect(started.stderr).not.toMatch(/\n\s+at /);
    expect(started.stdout).not.toMatch(/listening/);
  });
});
