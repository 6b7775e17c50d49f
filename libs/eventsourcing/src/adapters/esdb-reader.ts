import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  FORWARDS,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  type AllStreamResolvedEvent,
  type Direction,
  type EventStoreDBClient,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EventTooLargeError, type StoreFault, StoreUnavailableError } from '../errors';

/** The part of the client's read streams this adapter uses (a Readable with `cancel`). */
interface ClientRead<T> {
  on(event: 'data', listener: (item: T) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  off(event: 'data', listener: (item: T) => void): unknown;
  off(event: 'end', listener: () => void): unknown;
  off(event: 'error', listener: (error: unknown) => void): unknown;
  cancel(): Promise<void>;
  destroy(): unknown;
}

/**
 * All items of a read, or a StoreUnavailableError('timeout') once the server has sent nothing
 * for `idleMs`: client v6 gives reads no deadline (`deadline: Infinity`), so a stuck server
 * would hold the caller for ever. A read that is cut off is cancelled on the wire and destroyed,
 * so that nothing is left waiting on it.
 */
export function drain<T>(read: ClientRead<T>, idleMs: number, what: string): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const items: T[] = [];
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const onData = (item: T) => {
      items.push(item);
      arm();
    };
    const onEnd = () => settle(() => resolve(items));
    const onError = (error: unknown) => settle(() => reject(error));
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      read.off('data', onData);
      read.off('end', onEnd);
      read.off('error', onError);
      // What the stream may still report after the answer (a cancelled call) concerns no one.
      read.on('error', ignore);
      done();
    };
    const giveUp = () => {
      settle(() =>
        reject(
          new StoreUnavailableError('timeout', `EventStoreDB did not answer ${what} within ${idleMs} ms`),
        ),
      );
      void read
        .cancel()
        .catch(ignore)
        .finally(() => read.destroy());
    };
    let lateRearms = 0;
    const arm = () => {
      clearTimeout(timer);
      const received = items.length;
      const due = Date.now() + idleMs;
      timer = setTimeout(() => {
        // A timer that fires well after its time shows this process was busy (the answer may be
        // waiting unread): the server gets another full wait, a few times at most.
        if (Date.now() - due > idleMs / 2 && lateRearms++ < 3) return arm();
        // The timer and an answer may be due at once: the answer, read in the poll phase, goes first.
        setImmediate(() => !settled && items.length === received && giveUp());
      }, idleMs);
    };
    read.on('data', onData);
    read.on('end', onEnd);
    read.on('error', onError);
    arm();
  });
}

function ignore(): void {}

/** Reads with the adapter's timeout; the stream reads that decide an append go to the leader. */
export class EsdbReader {
  constructor(
    readonly client: EventStoreDBClient,
    readonly idleTimeoutMs: number,
  ) {}

  allPage(
    fromPosition: ReadPosition,
    maxCount: number,
    direction: Direction = FORWARDS,
  ): Promise<AllStreamResolvedEvent[]> {
    return drain(
      this.client.readAll({ fromPosition, maxCount, direction }),
      this.idleTimeoutMs,
      'a read of $all',
    );
  }

  /**
   * A stream read, on the leader (`requiresLeader`): a follower may not have replicated the
   * newest events yet, and a command decided on its answer would seal against a stale head. A
   * follower answers NotLeaderError with the leader's address, and the client moves there.
   */
  async streamPage(
    streamId: string,
    fromRevision: ReadRevision,
    direction: Direction,
    maxCount?: number,
  ): Promise<ResolvedEvent[]> {
    try {
      return await drain(
        this.client.readStream(streamId, { fromRevision, direction, maxCount, requiresLeader: true }),
        this.idleTimeoutMs,
        `a read of stream ${streamId}`,
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}

/** Runs `operation`, once more if the node answered that it is not the leader (an election). */
export async function onLeader<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!(error instanceof NotLeaderError)) throw error;
    // The client drops the old connection and aims the next call at the leader the refusal
    // named; that happens as the failed call is wound up, a turn after it reports the error.
    await new Promise((resolve) => setTimeout(resolve, 10));
    return operation();
  }
}

const FAULTS: { type: abstract new (...args: never[]) => Error; fault: StoreFault }[] = [
  { type: UnavailableError, fault: 'unreachable' },
  { type: CancelledError, fault: 'unreachable' },
  { type: DeadlineExceededError, fault: 'timeout' },
  // ABORTED: the server's own timeout, or a subscription it dropped ("consumer too slow").
  { type: TimeoutError, fault: 'timeout' },
  { type: NotLeaderError, fault: 'no-leader' },
  { type: AccessDeniedError, fault: 'access-denied' },
];

/**
 * A client error as the port speaks of it: the server's or the connection's fault becomes
 * StoreUnavailableError, an append over MaxAppendSize EventTooLargeError; anything else is
 * returned unchanged.
 */
export function translateEsdbError(error: unknown, streamId?: string): unknown {
  if (error instanceof MaxAppendSizeExceededError) {
    return new EventTooLargeError(streamId ?? '?', error.maxAppendSize, { cause: error });
  }
  const known = FAULTS.find((f) => error instanceof f.type);
  if (!known) return error;
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return new StoreUnavailableError(known.fault, `EventStoreDB: ${known.fault}${detail}`, { cause: error });
}
