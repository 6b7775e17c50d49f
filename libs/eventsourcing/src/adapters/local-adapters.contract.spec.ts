import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/event-store.contract';
import { MemoryEventStore } from './memory-event-store';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('memory', async () => new MemoryEventStore());

const dir = mkdtempSync(join(tmpdir(), 'es-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
eventStoreContract('sqlite (file, WAL)', async () => new SqliteEventStore(join(dir, `store-${n++}.sqlite`)));
