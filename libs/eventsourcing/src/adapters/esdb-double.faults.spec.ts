import { EventTooLargeError, StoreUnavailableError } from '../errors';
import { verifyStreamChain } from '../hash-chain';
import { DoubleLog, DoubleNode } from '../testing/esdb-double';
import { newEvent } from '../testing/new-event';
import { EsdbEventStore } from './esdb-event-store';

/**
 * What a real EventStoreDB deployment does to the adapter, shown through the official client
 * against the TEST DOUBLE of the server (no server runs here): elections, a stuck server, an
 * append over the server's limit, an old server without stream positions.
 */
describe('EventStoreDB adapter in a real deployment (against the test double)', () => {
  const nodes: DoubleNode[] = [];
  const stores: EsdbEventStore[] = [];
  const node = async (options: Parameters<typeof DoubleNode.start>[0] = {}) => {
    const started = await DoubleNode.start(options);
    nodes.push(started);
    return started;
  };
  const connect = (url: string, options: ConstructorParameters<typeof EsdbEventStore>[1] = {}) => {
    const store = new EsdbEventStore(url, options);
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await Promise.all(nodes.splice(0).map((n) => n.stop()));
  });

  describe('a cluster', () => {
    it('sends the reads that decide an append, and the append, to the leader (requires-leader)', async () => {
      const leader = await node();
      const store = connect(leader.url);
      await store.appendToStream('call-1', [newEvent('CallDrafted', {})], 'no_stream');
      await store.appendToStream('call-1', [newEvent('CallPublished', {})], 0);
      await store.readStream('call-1');

      const streamCalls = leader.calls.filter((c) => c.target === 'call-1');
      expect(streamCalls.length).toBeGreaterThanOrEqual(5);
      expect(streamCalls.filter((c) => !c.requiresLeader)).toEqual([]);
    });

    it("reads a stream from the new leader after an election, not from a lagging follower's copy", async () => {
      const log = new DoubleLog();
      const leader = await node({ log });
      const follower = await node({ log });
      follower.followerOf(leader);
      follower.pauseReplication();
      await connect(leader.url).appendToStream('call-1', [newEvent('CallDrafted', {})], 'no_stream');

      const viaFollower = connect(follower.url);
      const events = await viaFollower.readStream('call-1');

      expect(events.map((e) => e.type)).toEqual(['CallDrafted']);
      expect(follower.notLeaderRefusals).toBe(1);
    });

    it('retries an append once when the node lost its leadership between the reads and the append', async () => {
      const log = new DoubleLog();
      const first = await node({ log });
      const second = await node({ log });
      second.followerOf(first);
      const store = connect(first.url);
      await store.appendToStream('call-1', [newEvent('CallDrafted', {})], 'no_stream');

      first.whenNextAppendArrives(() => {
        first.followerOf(second);
        second.lead();
      });
      const result = await store.appendToStream('call-1', [newEvent('CallPublished', {})], 0);

      expect(first.notLeaderRefusals).toBe(1);
      expect(result.nextExpectedRevision).toBe(1);
      const stored = await store.readStream('call-1');
      expect(stored.map((e) => e.type)).toEqual(['CallDrafted', 'CallPublished']);
      expect(verifyStreamChain('call-1', stored)).toBeUndefined();
      expect(second.calls.some((c) => c.method === 'batchAppend' && c.target === 'call-1')).toBe(true);
    });

    it('gives up after the second NotLeader with store-unavailable (no leader), not a 500', async () => {
      const log = new DoubleLog();
      const first = await node({ log });
      const second = await node({ log });
      // An election still going on: each node names the other.
      first.followerOf(second);
      second.followerOf(first);

      const appending = connect(first.url).appendToStream(
        'call-1',
        [newEvent('CallDrafted', {})],
        'no_stream',
      );

      await expect(appending).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'no-leader' });
      expect(first.notLeaderRefusals + second.notLeaderRefusals).toBe(2);
    });
  });

  describe('a server that stops answering', () => {
    it('fails a read after the timeout with store-unavailable (timeout) and cancels it on the wire', async () => {
      const stuck = await node();
      const store = connect(stuck.url, { readTimeoutMs: 500 });
      await store.appendToStream('call-1', [newEvent('CallDrafted', {})], 'no_stream');
      stuck.stallReads = true;

      const started = Date.now();
      await expect(store.readStream('call-1')).rejects.toMatchObject({
        name: 'StoreUnavailableError',
        reason: 'timeout',
      });
      await expect(store.appendToStream('call-1', [newEvent('CallPublished', {})], 0)).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(5000);
      await waitUntil(() => stuck.heldCalls === 0, 'the cut-off reads to be cancelled');
    });

    it('reports a stuck server on ping within its timeout, leaving no read behind', async () => {
      const stuck = await node();
      const store = connect(stuck.url, { pingTimeoutMs: 400 });
      await store.ping();
      stuck.stallReads = true;

      for (let i = 0; i < 3; i++) {
        await expect(store.ping()).rejects.toMatchObject({
          name: 'StoreUnavailableError',
          reason: 'timeout',
        });
      }

      await waitUntil(() => stuck.heldCalls === 0, 'the pings to be cancelled');
      stuck.stallReads = false;
      await store.ping();
    });

    it('fails an append the server never answers after the timeout, as store-unavailable', async () => {
      const stuck = await node();
      const store = connect(stuck.url, { appendTimeoutMs: 300 });
      stuck.stallAppends = true;

      await expect(
        store.appendToStream('call-1', [newEvent('CallDrafted', {})], 'no_stream'),
      ).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'timeout' });
    });
  });

  describe("the server's limits and its metadata", () => {
    it.each([
      ['BatchAppend', true],
      ['Append', false],
    ])('refuses an append over MaxAppendSize as EventTooLargeError (%s)', async (_name, batchAppend) => {
      const server = await node({ batchAppend });
      const store = connect(server.url);

      const appending = store.appendToStream(
        'report-1',
        [newEvent('ReportDrafted', { text: 'x'.repeat(1100 * 1024) })],
        'no_stream',
      );

      await expect(appending).rejects.toBeInstanceOf(EventTooLargeError);
      await expect(appending).rejects.toMatchObject({ maxBytes: 1024 * 1024, streamId: 'report-1' });
      expect(await store.readStream('report-1')).toEqual([]);
    });

    it("writes $correlationId and $causationId for the server's by-correlation projection, outside the hashed envelope", async () => {
      const server = await node();
      const store = connect(server.url);
      const event = newEvent('CallDrafted', {});

      await store.appendToStream('call-1', [event], 'no_stream');

      const record = server.log.stream('call-1')[0];
      const stored = JSON.parse(Buffer.from(record.metadata).toString('utf8')) as Record<string, unknown>;
      expect(stored.$correlationId).toBe(event.metadata.correlationId);
      expect(stored.$causationId).toBe(event.metadata.causationId);
      const [read] = await store.readStream('call-1');
      expect(read.metadata).not.toHaveProperty('$correlationId');
      expect(read.metadata).not.toHaveProperty('$causationId');
      expect(verifyStreamChain('call-1', [read])).toBeUndefined();
    });

    it('names an event that arrives without its commit position (a server that does not report it)', async () => {
      const old = await node();
      const store = connect(old.url);
      await store.appendToStream('call-1', [newEvent('CallDrafted', {})], 'no_stream');
      old.positionsOnStreamReads = false;

      await expect(store.readStream('call-1')).rejects.toThrow(
        /event call-1@0 without its commit position.*newer than 22\.6/,
      );
    });

    it('connects with a kdb:// URL (KurrentDB clients name it so)', async () => {
      const server = await node();
      const store = connect(server.url.replace(/^esdb:/, 'kdb:'));

      await store.appendToStream('call-1', [newEvent('CallDrafted', {})], 'no_stream');

      expect(await store.readStream('call-1')).toHaveLength(1);
    });
  });
});

async function waitUntil(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
