import { eventStoreContract } from '../testing/event-store.contract';
import { DoubleNode } from '../testing/esdb-double';
import { EsdbEventStore } from './esdb-event-store';

/**
 * The adapter contract through the official client (@eventstore/db-client v6) over gRPC, against
 * a TEST DOUBLE of an EventStoreDB node (libs/eventsourcing/src/testing/esdb-double), because no
 * server can run on this project's CI machine. The run against a real server is
 * esdb-event-store.contract.spec.ts (EVENT_STORE_URL).
 */
const AGAINST =
  'EventStoreDB adapter contract: running against the EventStoreDB TEST DOUBLE, not a real server';
console.log(AGAINST);

describe(AGAINST, () => {
  describe('appending through BatchAppend (what the client uses on servers since 21.10)', () => {
    let node: DoubleNode;
    beforeAll(async () => {
      node = await DoubleNode.start();
    });
    afterAll(() => node.stop());
    eventStoreContract('eventstoredb (test double)', async () => new EsdbEventStore(node.url));
  });

  describe('appending through Append (a server without BatchAppend)', () => {
    let node: DoubleNode;
    beforeAll(async () => {
      node = await DoubleNode.start({ batchAppend: false });
    });
    afterAll(() => node.stop());
    eventStoreContract('eventstoredb (test double, Append)', async () => new EsdbEventStore(node.url));
  });
});
