import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { bannerLevel, ConfigError, exitWithLauncher, loadConfig, processLogger } from '@app/shared';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  exitWithLauncher();
  const config = loadConfig();
  const app = await NestFactory.create(WorkerModule.forRoot(config), { bufferLogs: true });
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
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`The worker could not start: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
