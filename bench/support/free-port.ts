import { createServer } from 'node:net';

/**
 * A port the OS says is free right now. The API prints the PORT it was given, so it needs a real
 * number (not 0); the tiny race until the child binds it is acceptable for a bench.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
