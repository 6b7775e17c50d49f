import { PassThrough } from 'node:stream';
import { StoreUnavailableError } from '../errors';
import { drain } from './esdb-reader';

/** A client read stream as drain sees it: a readable with `cancel` (the gRPC call's). */
function clientRead() {
  const stream = new PassThrough({ objectMode: true }) as PassThrough & {
    cancel: () => Promise<void>;
    cancelled: boolean;
  };
  stream.cancelled = false;
  stream.cancel = async () => {
    stream.cancelled = true;
  };
  return stream;
}

describe('drain: a read of the EventStoreDB client within a time without answer', () => {
  it('collects everything the server sends until the end', async () => {
    const read = clientRead();
    const collected = drain(read, 1000, 'a test read');
    read.write('a');
    read.write('b');
    read.end();
    expect(await collected).toEqual(['a', 'b']);
  });

  it('measures the time without an answer, not the whole read', async () => {
    const read = clientRead();
    const collected = drain(read, 100, 'a slow read');
    for (const item of ['a', 'b', 'c']) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      read.write(item);
    }
    read.end();
    expect(await collected).toEqual(['a', 'b', 'c']);
  });

  it('fails with store-unavailable (timeout) when nothing comes, and cancels and frees the read', async () => {
    const read = clientRead();

    await expect(drain(read, 50, 'a read of stream call-1')).rejects.toEqual(
      new StoreUnavailableError(
        'timeout',
        'EventStoreDB did not answer a read of stream call-1 within 50 ms',
      ),
    );

    await new Promise((resolve) => setImmediate(resolve));
    expect(read.cancelled).toBe(true);
    expect(read.destroyed).toBe(true);
  });

  it('gives the server another wait when this process was too busy to read its answer', async () => {
    const read = clientRead();
    const collected = drain(read, 50, 'a read during a busy stretch');
    // The answer needs a few turns of the event loop to be read, as one from a socket does.
    setImmediate(() => setImmediate(() => setImmediate(() => read.end('a'))));
    const busyUntil = Date.now() + 200;
    while (Date.now() < busyUntil) {
      // a synchronous stretch (start-up, a large fold) that holds the event loop
    }
    expect(await collected).toEqual(['a']);
  });

  it('passes on what the read fails with', async () => {
    const read = clientRead();
    const collected = drain(read, 1000, 'a read');
    read.destroy(new Error('stream not found'));
    await expect(collected).rejects.toThrow('stream not found');
  });
});
