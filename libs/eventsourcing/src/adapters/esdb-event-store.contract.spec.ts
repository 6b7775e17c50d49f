import { eventStoreContract } from '../testing/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';
import { isEventStoreDbUrl } from './esdb-mapping';

/**
 * Runs the adapter contract against a real server, e.g.
 *   docker compose up -d eventstore
 *   EVENT_STORE_URL='esdb://localhost:2113?tls=false' npx jest esdb-event-store.contract
 * The largest payload of the contract (about 600 KB) stays below EventStoreDB's default maximum
 * append size of 1 MiB.
 */
const url = process.env.EVENT_STORE_URL;
const SKIPPED =
  'EventStoreDB contract suite: skipped — set EVENT_STORE_URL=esdb://localhost:2113?tls=false to run it';

if (url && isEventStoreDbUrl(url)) {
  eventStoreContract('eventstoredb', async () => new EsdbEventStore(url));
} else {
  // The URL may carry credentials, so only its scheme is shown.
  const reason = url ? `EVENT_STORE_URL has scheme "${url.split(':')[0]}"` : 'EVENT_STORE_URL is not set';
  console.warn(`${SKIPPED} (${reason})`);

  describe('EventStoreDB contract', () => {
    it(SKIPPED, () => {
      console.warn(`${SKIPPED} (${reason})`);
      expect(isEventStoreDbUrl(url)).toBe(false);
    });
  });
}
