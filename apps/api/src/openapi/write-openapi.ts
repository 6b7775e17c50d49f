import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import 'reflect-metadata';
import { loadConfig } from '@app/shared';
import { buildApi } from '../build-api';

/**
 * `node scripts/run.js openapi <file>`: boots the API as built (memory store, no worker, no
 * rate limit: no Redis needed), fetches the document it serves at /docs-json and writes it to
 * <file>, for Redocly's lint and the typed client.
 */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'openapi.json');
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    EVENT_STORE_URL: 'memory:',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-openapi-')),
    RATE_LIMIT_PER_MINUTE: '0',
    RUN_WORKER_IN_API: 'false',
  });
  const app = await buildApi({ config });
  await app.listen(0, '127.0.0.1');
  try {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/docs-json`);
    if (res.status !== 200) throw new Error(`/docs-json answered ${res.status}`);
    writeFileSync(out, `${JSON.stringify(await res.json(), null, 2)}\n`);
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`could not write the OpenAPI document: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
