import type { RecordedEvent } from '../event';
import type { Delivery, EventHandler, Subscription } from '../event-store';

/** Wakes sleeping subscriptions when this process appends; other processes are seen by polling. */
export class AppendSignal {
  private waiters = new Set<() => void>();
  /** Bumped on every notify, so a reader can tell whether it missed one while it was reading. */
  version = 0;

  notify(): void {
    this.version++;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Sleeps until the next notify or the timeout; returns at once if one came after `seenVersion`. */
  wait(timeoutMs: number, seenVersion: number): { promise: Promise<void>; cancel: () => void } {
    if (this.version !== seenVersion) return { promise: Promise.resolve(), cancel: () => undefined };
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const timer = setTimeout(() => this.release(wake), timeoutMs);
    timer.unref?.();
    this.waiters.add(wake);
    return {
      promise,
      cancel: () => {
        clearTimeout(timer);
        this.release(wake);
      },
    };
  }

  private release(wake: () => void): void {
    this.waiters.delete(wake);
    wake();
  }
}

export interface CatchUpSource {
  readPage(after: number, maxCount: number): Promise<RecordedEvent[]>;
  signal: AppendSignal;
  pollIntervalMs: number;
}

const PAGE_SIZE = 512;
/** Shared, not one object per event handed over (a replay hands over millions). */
const LAST_IN_HAND: Delivery = Object.freeze({ lastInHand: true });
const MORE_IN_HAND: Delivery = Object.freeze({ lastInHand: false });

/**
 * Reads pages after the checkpoint and hands each event to the handler, one at a time, in
 * order, telling it which is the last of the page (see Delivery); when caught up it sleeps until an append in this process, the next poll or a `poke`.
 */
export function catchUpSubscription(
  source: CatchUpSource,
  after: number,
  handler: EventHandler,
): Subscription {
  let stopped = false;
  let cancelWait: (() => void) | undefined;
  /** Poked while reading: the read may have begun before what the poke is about was stored. */
  let poked = false;
  const run = async (): Promise<void> => {
    let checkpoint = after;
    while (!stopped) {
      const versionBeforeRead = source.signal.version;
      poked = false;
      const page = await source.readPage(checkpoint, PAGE_SIZE);
      if (page.length === 0) {
        if (stopped) return;
        if (poked) continue;
        const waiting = source.signal.wait(source.pollIntervalMs, versionBeforeRead);
        cancelWait = waiting.cancel;
        await waiting.promise;
        cancelWait = undefined;
        continue;
      }
      for (let i = 0; i < page.length; i++) {
        if (stopped) return;
        await handler(page[i], i === page.length - 1 ? LAST_IN_HAND : MORE_IN_HAND);
        checkpoint = page[i].position;
      }
    }
  };
  const done = run();
  done.catch(() => undefined);
  return {
    done,
    async stop() {
      stopped = true;
      cancelWait?.();
      await done.catch(() => undefined);
    },
    poke() {
      poked = true;
      cancelWait?.();
    },
  };
}

/** Keeps a subscription in `open` until it ends, so that close() can stop what is still running. */
export function track(open: Set<Subscription>, subscription: Subscription): Subscription {
  open.add(subscription);
  const forget = () => open.delete(subscription);
  subscription.done.then(forget, forget);
  return subscription;
}
