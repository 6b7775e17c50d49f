import { eventStoreContract } from '../testing/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';
import { isEventStoreDbUrl } from './esdb-mapping';

/**
 * Runs the adapter contract against a real server, e.g.
 *   docker run -p 2113:2113 -e EVENTSTORE_INSECURE=true -e EVENTSTORE_MAX_APPEND_SIZE=8388608 \
 *     eventstore/eventstore:24.10
 *   EVENT_STORE_URL='esdb://localhost:2113?tls=false' npx jest esdb-event-store.contract
 * The contract appends a payload of more than 1 MiB in one call, above EventStoreDB's default
 * maximum append size (1 MiB), hence the raised MaxAppendSize.
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
