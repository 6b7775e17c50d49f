import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { StoreUnavailableError } from '@app/eventsourcing';
import {
  bannerLevel,
  ConfigError,
  createEventStore,
  exitWithLauncher,
  loadConfig,
  processLogger,
} from '@app/shared';
import { buildApi } from './build-api';

async function main(): Promise<void> {
  exitWithLauncher();
  const config = loadConfig();
  // Opened before Nest, so that a store that cannot be written stops the start with one sentence.
  const store = createEventStore(config.eventStore);
  const app = await buildApi({ config, store });
  await app.listen(config.port, config.host);
  // The port actually bound: PORT=0 asks the system for a free one.
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const storeName =
    config.eventStore.kind === 'sqlite' ? `sqlite ${config.eventStore.file}` : config.eventStore.kind;
  // A JSON line like every other one on stdout; shown below LOG_LEVEL=info too, as the one line
  // that tells where the API is (only "silent" silences it).
  processLogger(bannerLevel(config.logLevel)).info(
    { url, store: config.eventStore.kind, docs: `${url}/docs` },
    `API listening on ${url} (store: ${storeName}); docs at ${url}/docs`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreUnavailableError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`The API could not start: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
