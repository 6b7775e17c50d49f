import Redis from 'ioredis';

/**
 * Polls until `probe` gives a value (anything but undefined or false) and returns it; fails after
 * the timeout, naming what it waited for.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  what = 'a condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Removes every Redis key under one queue prefix (the test's own), leaving the rest of the
 * database alone. `redis` is a URL or a database number on 127.0.0.1:6379.
 */
export async function removeQueueKeys(redis: string | number, prefix: string): Promise<void> {
  const client = new Redis(typeof redis === 'number' ? `redis://127.0.0.1:6379/${redis}` : redis);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
