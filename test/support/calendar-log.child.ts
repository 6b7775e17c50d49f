// The real API with request logging at "info", asked once for a calendar feed: its log lines go
// to stdout, where the parent looks for the token.
//   node -r register-ts.js calendar-log.child.ts <token>
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { MemoryEventStore } from '@app/eventsourcing';
import { FixedClock, DEMO_REGISTRY_FILE, loadConfig } from '@app/shared';
import { buildApi, initApi } from '../../apps/api/src/build-api';

async function main(): Promise<void> {
  const [token] = process.argv.slice(2);
  const config = loadConfig({
    MUNICIPALITY_REGISTRY_FILE: DEMO_REGISTRY_FILE,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    EVENT_STORE_URL: 'memory:',
    AUTH_DEV_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-calendar-log-')),
    RUN_WORKER_IN_API: 'false',
  });
  const app = await buildApi({
    config,
    store: new MemoryEventStore(),
    clock: new FixedClock('2012-05-07T08:00:00Z'),
  });
  await initApi(app);
  await request(app.getHttpServer()).get(`/calendar/05978000/${token}.ics`);
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
