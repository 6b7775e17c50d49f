import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientDisconnected, responseSink } from './response-sink';

const CHUNK = 'x'.repeat(64 * 1024);

/**
 * A real server writing an endless export through the sink, and a real client that reads the
 * first bytes and hangs up: the writing must stop, not wait for a 'drain' that never comes.
 */
function endlessExport(): { server: Server; ended: Promise<unknown>; port: Promise<number> } {
  let settle: (outcome: unknown) => void = () => undefined;
  const ended = new Promise((resolve) => (settle = resolve));
  const server = createServer((_req, res) => {
    const sink = responseSink(res);
    void (async () => {
      for (;;) await sink.write(CHUNK);
    })().catch((error: unknown) => settle({ error, aborted: sink.signal.aborted }));
  });
  const port = new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  return { server, ended, port };
}

describe('writing an export to a client that goes away', () => {
  it('stops once the client disconnects while the response waits for drain', async () => {
    const { server, ended, port } = endlessExport();
    try {
      const request = get({ host: '127.0.0.1', port: await port, path: '/audit/export' });
      request.on('error', () => undefined);
      await new Promise<void>((resolve) =>
        request.on('response', (res) =>
          res.once('data', () => {
            res.pause();
            resolve();
          }),
        ),
      );
      // Stop reading: the server's buffers fill and it waits for 'drain'. Then hang up.
      await new Promise((resolve) => setTimeout(resolve, 100));
      request.destroy();
      const timeout = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5000).unref());
      expect(await Promise.race([ended, timeout])).toEqual({
        error: expect.any(ClientDisconnected),
        aborted: true,
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
