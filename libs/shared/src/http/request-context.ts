import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '@app/eventsourcing';

/** Per-request facts that reach the command path without being threaded through every call. */
export interface RequestContext {
  correlationId: string;
  actor?: Actor;
  /** From the Idempotency-Key header (scoped to the caller), if any. */
  commandId?: string;
  /** Set by the Idempotency-Key's check: reserve this key before the request's first append. */
  idempotency?: { reserve: () => Promise<void> };
  /** The request's one reading of the clock. */
  now?: Date;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};
