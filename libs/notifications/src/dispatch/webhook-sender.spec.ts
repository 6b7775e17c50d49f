import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook, WebhookRefused, WebhookTargetPrivate, webhookSignature } from './webhook-sender';

describe('posting a signed webhook', () => {
  let server: Server;
  let port: number;
  const received: { url: string; headers: Record<string, unknown>; body: string }[] = [];
  let status = 204;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.writeHead(status, status === 302 ? { Location: 'http://169.254.169.254/' } : {}).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    status = 204;
  });

  const post = (url: string, allowPrivate: boolean) =>
    postWebhook({
      url,
      secret: 'unna-secret-0123456789',
      deliveryId: 'n-1',
      payload: { id: 'n-1' },
      timeoutMs: 2000,
      allowPrivate,
    });

  it('refuses a name that resolves to a loopback address, without connecting', async () => {
    await expect(post(`http://localhost:${port}/hook`, false)).rejects.toBeInstanceOf(WebhookTargetPrivate);
    expect(received).toHaveLength(0);
  });

  it('refuses a private address literal, without connecting', async () => {
    await expect(post(`http://127.0.0.1:${port}/hook`, false)).rejects.toThrow(
      /private, loopback or internal/,
    );
    await expect(post(`http://[::ffff:127.0.0.1]:${port}/hook`, false)).rejects.toBeInstanceOf(
      WebhookTargetPrivate,
    );
    expect(received).toHaveLength(0);
  });

  it('delivers, signed, where WEBHOOK_ALLOW_PRIVATE allows private targets', async () => {
    await post(`http://localhost:${port}/hook`, true);
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call.headers['x-kkz-signature']).toBe(webhookSignature('unna-secret-0123456789', call.body));
    expect(call.headers['x-kkz-delivery']).toBe('n-1');
    expect(JSON.parse(call.body)).toMatchObject({ id: 'n-1', sentAt: expect.any(String) });
  });

  it('does not follow a redirect', async () => {
    status = 302;
    await expect(post(`http://127.0.0.1:${port}/hook`, true)).rejects.toEqual(new WebhookRefused(302));
    expect(received).toHaveLength(1);
  });
});
