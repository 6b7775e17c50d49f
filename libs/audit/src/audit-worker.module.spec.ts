import { Test } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { EventSourcingModule, FixedClock, loadConfig } from '@app/shared';
import { AuditWorkerModule } from './audit-worker.module';
import { CheckpointSchedule } from './integrity/checkpoint-schedule';
import { verifyIntegrity } from './integrity/verify-integrity';
import { AuditSigningKey, loadSigningKey } from './signing/audit-signing-key';

async function worker(intervalSeconds: string) {
  const store = new MemoryEventStore();
  await store.appendToStream(
    'call-kkz-2011',
    [newEvent('CallPublished', { callId: 'kkz-2011' })],
    'no_stream',
  );
  const config = loadConfig({
    NODE_ENV: 'test',
    EVENT_STORE_URL: 'memory:',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kkz-audit-worker-')),
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: intervalSeconds,
  });
  const module = await Test.createTestingModule({
    imports: [
      EventSourcingModule.forRoot({ config, store, clock: new FixedClock('2012-03-01T00:00:00.000Z') }),
      AuditWorkerModule,
    ],
  }).compile();
  const app = module.createNestApplication({ logger: false });
  await app.init();
  return { app, store, config };
}

describe('the worker records integrity checkpoints', () => {
  it('records one at start and then on every tick that has something new', async () => {
    const { app, store, config } = await worker('3600');
    const schedule = app.get(CheckpointSchedule);
    const key = app.get(AuditSigningKey);
    // The key the API signs exports with: loaded from the same configuration.
    expect(loadSigningKey(config.audit.signingKey).info).toEqual(key.info);
    await schedule.tick();
    expect((await store.readStream('audit-checkpoint-1'))[0]).toMatchObject({
      type: 'IntegrityCheckpointRecorded',
      data: { sequence: 1, position: 1, streams: 1, events: 1, keyId: key.info.keyId },
      metadata: { occurredAt: '2012-03-01T00:00:00.000Z', actor: { subject: 'audit-checkpoint' } },
    });
    await schedule.tick();
    expect(await store.readStream('audit-checkpoint-2')).toEqual([]);
    await store.appendToStream('call-kkz-2011', [newEvent('CallClosed', { callId: 'kkz-2011' })], 0);
    await schedule.tick();
    expect((await store.readStream('audit-checkpoint-2'))[0].data).toMatchObject({
      sequence: 2,
      previousCheckpoint: { sequence: 1 },
    });
    expect(await verifyIntegrity(store, { publicKey: key.publicKey })).toMatchObject({
      ok: true,
      checkpoints: { count: 2, verified: 2 },
    });
    await app.close();
  });

  it('records none when switched off with an interval of 0', async () => {
    const { app, store } = await worker('0');
    expect(await store.headPosition()).toBe(1);
    await app.close();
  });
});
