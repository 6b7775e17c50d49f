import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { StoreUnavailableError } from '@app/eventsourcing';
import {
  bannerLevel,
  ConfigError,
  createEventStore,
  exitWithLauncher,
  loadConfig,
  processLogger,
} from '@app/shared';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  exitWithLauncher();
  const config = loadConfig();
  // Opened before Nest, so that a store that cannot be written stops the start with one sentence.
  const store = createEventStore(config.eventStore);
  const app = await NestFactory.create(WorkerModule.forRoot(config, store), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(config.workerPort, config.host);
  const health = `http://${config.host}:${config.workerPort}/health`;
  processLogger(bannerLevel(config.logLevel)).info(
    { store: config.eventStore.kind, health },
    `worker running (store: ${config.eventStore.kind}); health at ${health}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreUnavailableError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`The worker could not start: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
