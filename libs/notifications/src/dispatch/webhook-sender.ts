import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from '../webhook-target';

export interface WebhookDelivery {
  url: string;
  secret: string;
  /** Stable across retries, so a receiver can drop a duplicate. */
  deliveryId: string;
  payload: Record<string, unknown>;
  timeoutMs: number;
  /** WEBHOOK_ALLOW_PRIVATE: private, loopback and internal addresses may be reached. */
  allowPrivate?: boolean;
}

export class WebhookRefused extends Error {
  constructor(readonly status: number) {
    super(`the receiver answered HTTP ${status}`);
    this.name = 'WebhookRefused';
  }
}

/** The webhook's host is, or resolves to, an address a webhook must not reach: not retried. */
export class WebhookTargetPrivate extends Error {
  constructor(host: string, address: string) {
    super(`the webhook host ${host} resolves to ${address}, a private, loopback or internal address`);
    this.name = 'WebhookTargetPrivate';
  }
}

/** `sha256=<hex>`: HMAC-SHA256 of the raw body under the municipality's secret. */
export function webhookSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/**
 * Resolves like the system does, but refuses a private answer; the connection is made to the
 * very addresses checked here, so a name cannot resolve to a public address for the check and to
 * a private one for the connection (DNS rebinding).
 */
function publicOnlyLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, '', 0);
      const addresses = found as unknown as LookupAddress[];
      const refused = addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(new WebhookTargetPrivate(hostname, refused.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * POSTs the payload as JSON, signed. Only a 2xx counts as delivered; redirects are not followed
 * (a signed body must not be sent somewhere the municipality did not name). Unless private
 * targets are allowed, the host is checked again here, after resolving it (the URL was checked
 * when it was set). The timestamp is wall-clock time on purpose: receivers check it against
 * their own clocks to refuse replays, and it is inside the signed body as `sentAt` too.
 */
export async function postWebhook(delivery: WebhookDelivery): Promise<void> {
  const url = new URL(delivery.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address literal is connected to without a lookup: check it here.
  if (!delivery.allowPrivate && isIP(host) && isPrivateAddress(host))
    throw new WebhookTargetPrivate(host, host);
  const now = new Date();
  const body = JSON.stringify({ ...delivery.payload, sentAt: now.toISOString() });
  const status = await new Promise<number>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        signal: AbortSignal.timeout(delivery.timeoutMs),
        ...(delivery.allowPrivate ? {} : { lookup: publicOnlyLookup() }),
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'kkz-notifications/1.0',
          'X-KKZ-Signature': webhookSignature(delivery.secret, body),
          'X-KKZ-Delivery': delivery.deliveryId,
          'X-KKZ-Timestamp': String(Math.floor(now.getTime() / 1000)),
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
  if (status < 200 || status >= 300) throw new WebhookRefused(status);
}
