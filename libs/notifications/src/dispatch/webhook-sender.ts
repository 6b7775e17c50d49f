import { createHmac } from 'node:crypto';

export interface WebhookDelivery {
  url: string;
  secret: string;
  /** Stable across retries, so a receiver can drop a duplicate. */
  deliveryId: string;
  payload: Record<string, unknown>;
  timeoutMs: number;
}

export class WebhookRefused extends Error {
  constructor(readonly status: number) {
    super(`the receiver answered HTTP ${status}`);
    this.name = 'WebhookRefused';
  }
}

/** `sha256=<hex>`: HMAC-SHA256 of the raw body under the municipality's secret. */
export function webhookSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/**
 * POSTs the payload as JSON, signed. Only a 2xx counts as delivered; redirects are not followed
 * (a signed body must not be sent somewhere the municipality did not name). The timestamp is
 * wall-clock time on purpose: receivers check it against their own clocks to refuse replays,
 * and it is inside the signed body as `sentAt` too.
 */
export async function postWebhook(delivery: WebhookDelivery): Promise<void> {
  const now = new Date();
  const body = JSON.stringify({ ...delivery.payload, sentAt: now.toISOString() });
  const response = await fetch(delivery.url, {
    method: 'POST',
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(delivery.timeoutMs),
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': 'kkz-notifications/1.0',
      'X-KKZ-Signature': webhookSignature(delivery.secret, body),
      'X-KKZ-Delivery': delivery.deliveryId,
      'X-KKZ-Timestamp': String(Math.floor(now.getTime() / 1000)),
    },
  });
  await response.body?.cancel();
  if (response.status < 200 || response.status >= 300) throw new WebhookRefused(response.status);
}
