import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { MemoryEventStore, type Projection, ProjectionRunner, UpcasterRegistry } from '@app/eventsourcing';
import { loadConfig } from '@app/shared';
import { ApiModule } from '../../apps/api/src/api.module';

export interface ApplicationReadModels {
  projections: readonly Projection<unknown>[];
  upcasters: UpcasterRegistry;
}

/**
 * The read models and upcasters the API registers, found by composing the API's modules (on an
 * empty in-memory store, with no HTTP and no worker): whatever contexts exist are measured.
 */
export async function applicationReadModels(): Promise<ApplicationReadModels> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-read-models-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    EVENT_STORE_URL: 'memory:',
    DATA_DIR: dir,
    AUTH_DEV_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    RUN_WORKER_IN_API: 'false',
  });
  const app = await NestFactory.createApplicationContext(
    ApiModule.forRoot({ config, store: new MemoryEventStore() }),
    { logger: false },
  );
  const result = {
    projections: app.get(ProjectionRunner).registered(),
    upcasters: app.get(UpcasterRegistry),
  };
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
}
