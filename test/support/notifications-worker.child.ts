// The notifications side of the worker in its own process, to be killed in the middle of a
// delivery:
//   node -r register-ts.js notifications-worker.child.ts <sqlite file> <redis url> <queue prefix>
//     <data dir> <notifications env as JSON>
// It runs NotificationsWorkerModule as apps/worker does (dispatcher and delivery worker, default
// BullMQ lock settings) and prints "READY" once started. The parent's receivers hold a message
// unanswered to stop it in the middle of a job, and kill it with SIGKILL there.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SqliteEventStore } from '@app/eventsourcing';
import { NotificationsWorkerModule } from '@app/notifications';
import { EventSourcingModule, FixedClock, DEMO_REGISTRY_FILE, loadConfig } from '@app/shared';

async function main(): Promise<void> {
  const [file, redisUrl, prefix, dataDir, envJson] = process.argv.slice(2);
  const config = loadConfig({
    MUNICIPALITY_REGISTRY_FILE: DEMO_REGISTRY_FILE,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    EVENT_STORE_URL: 'memory:',
    AUTH_DEV_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
  });
  @Module({
    imports: [
      EventSourcingModule.forRoot({
        config,
        store: new SqliteEventStore(file, { pollIntervalMs: 50 }),
        clock: new FixedClock('2012-05-07T08:00:00.000Z'),
      }),
      NotificationsWorkerModule.forRoot({
        queuePrefix: prefix,
        env: JSON.parse(envJson) as Record<string, string>,
      }),
    ],
  })
  class NotificationsChildWorker {}
  const app = await NestFactory.createApplicationContext(NotificationsChildWorker, { logger: false });
  await app.init();
  process.stdout.write('READY\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
