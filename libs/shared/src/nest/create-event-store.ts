import { type EventStore, MemoryEventStore, SqliteEventStore } from '@app/eventsourcing';
import type { EsdbEventStore } from '@app/eventsourcing/adapters/esdb-event-store';
import type { EventStoreConfig } from '../config/app-config';

/**
 * The adapter named by EVENT_STORE_URL. `readOnly` is for tools that only read (audit:verify): the
 * embedded SQLite file is then opened read-only, so a read-only copy can be checked too.
 */
export function createEventStore(config: EventStoreConfig, options: { readOnly?: boolean } = {}): EventStore {
  switch (config.kind) {
    case 'memory':
      return new MemoryEventStore();
    case 'sqlite':
      return new SqliteEventStore(config.file, { readOnly: options.readOnly });
    case 'esdb':
      return new (loadEsdbAdapter())(config.url);
  }
}

/** EventStoreDB's gRPC client is loaded only when it is configured. */
function loadEsdbAdapter(): typeof EsdbEventStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const adapter = require('@app/eventsourcing/adapters/esdb-event-store') as {
    EsdbEventStore: typeof EsdbEventStore;
  };
  return adapter.EsdbEventStore;
}
