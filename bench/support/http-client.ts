import { Agent, request } from 'node:http';
import { elapsedMs, now } from './stopwatch';

export interface HttpResult {
  status: number;
  body: string;
  /** From sending the request to the last byte of the answer, as a caller would see it. */
  ms: number;
}

/**
 * A minimal JSON client on Node's own http module: a keep-alive Agent with one socket per
 * concurrent worker, so every request reuses a connection and the bench measures commands, not
 * TCP handshakes. Kept deliberately thin, because it shares the CPU with the API under test.
 */
export class JsonClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  post(path: string, token: string, body?: unknown): Promise<HttpResult> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
    };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const start = now();
    return new Promise((resolve, reject) => {
      const req = request(
        { host: this.host, port: this.port, path, method: 'POST', agent: this.agent, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: elapsedMs(start),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
