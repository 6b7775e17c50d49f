import type { ServerResponse } from 'node:http';

/** The client went away before the export was complete. */
export class ClientDisconnected extends Error {
  constructor() {
    super('the client closed the connection before the export was complete');
  }
}

export interface ResponseSink {
  write(chunk: string): void | Promise<void>;
  /** Aborted once the connection closes: the export stops reading the store. */
  signal: AbortSignal;
}

/**
 * Writes chunks to a response, waiting for 'drain' when its buffer is full. A client that
 * disconnects meanwhile never drains it: waiting settles on 'close' too and then rejects, so
 * that the export stops reading the store instead of hanging on to it for good.
 */
export function responseSink(res: ServerResponse): ResponseSink {
  const closing = new AbortController();
  res.once('close', () => closing.abort(new ClientDisconnected()));
  const gone = () => closing.signal.aborted || res.destroyed;
  const write = (chunk: string) => {
    if (gone()) throw new ClientDisconnected();
    if (res.write(chunk)) return undefined;
    return new Promise<void>((resolve, reject) => {
      const settle = () => {
        res.off('drain', settle);
        res.off('close', settle);
        if (gone()) reject(new ClientDisconnected());
        else resolve();
      };
      res.on('drain', settle);
      res.on('close', settle);
    });
  };
  return { write, signal: closing.signal };
}
