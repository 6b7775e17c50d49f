import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { StoreUnavailableError } from '@app/eventsourcing';
import { ConfigError, createEventStore, exitWithLauncher, loadConfig } from '@app/shared';
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
  process.stdout.write(
    `API listening on ${url} (store: ${config.eventStore.kind}${config.eventStore.kind === 'sqlite' ? ` ${config.eventStore.file}` : ''}); docs at ${url}/docs\n`,
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
