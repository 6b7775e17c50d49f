import { type EventStore, MemoryEventStore, SqliteEventStore } from '@app/eventsourcing';
import type { EventStoreConfig } from '../config/app-config';

/** The adapter named by EVENT_STORE_URL. EventStoreDB's client is loaded only when it is used. */
export function createEventStore(config: EventStoreConfig): EventStore {
  switch (config.kind) {
    case 'memory':
      return new MemoryEventStore();
    case 'sqlite':
      return new SqliteEventStore(config.file);
    case 'esdb': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { EsdbEventStore } = require('@app/eventsourcing/adapters/esdb-event-store') as typeof import('@app/eventsourcing/adapters/esdb-event-store');
      return new EsdbEventStore(config.url);
    }
  }
}
