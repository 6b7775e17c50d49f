import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  WrongExpectedVersionError,
  type AppendResult as EsdbAppendResult,
  type EventStoreDBClient,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ConcurrencyError, PartialDuplicateAppendError, StoreUnavailableError } from '../errors';
import type { NewEvent } from '../event';
import type { AppendResult, ExpectedRevision } from '../event-store';
import { GENESIS_HASH, sealEvents } from '../hash-chain';
import {
  batchIds,
  expectationHolds,
  fromEsdbCurrentRevision,
  fromEsdbPosition,
  matchBatch,
  sealGuard,
  toEventData,
  toRecordedEvent,
  toStoredRef,
  type StoredRef,
} from './esdb-mapping';
import type { EsdbReader } from './esdb-reader';

/**
 * One append as the EventStoreDB adapter makes it: read the head (on the leader), recognise a
 * repeat of a batch already stored, seal against the head, append guarded by the head's
 * revision, and report a lost race as ConcurrencyError ('any' appends re-read and try again).
 */
export class EsdbAppender {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly reader: EsdbReader,
    private readonly options: { timeoutMs: number; anyRetries: number },
  ) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const ids = batchIds(events);
    for (let attempt = 1; ; attempt++) {
      const head = await this.readHead(streamId);
      if (head && ids.includes(head.eventId)) {
        const found = matchBatch(ids, await this.readTail(streamId, ids.length));
        if (found.kind !== 'all') throw new PartialDuplicateAppendError(streamId);
        return toAppendResult(found.last);
      }
      if (expected !== 'any' && !expectationHolds(expected, head?.revision)) {
        const found = matchBatch(ids, await this.readWhereBatchWouldBe(streamId, expected, ids.length));
        if (found.kind === 'all') return toAppendResult(found.last);
        if (found.kind === 'partial') throw new PartialDuplicateAppendError(streamId);
        throw new ConcurrencyError(streamId, expected, head ? head.revision : 'no_stream');
      }
      const firstRevision = head ? head.revision + 1 : 0;
      const prevHash = head ? head.hash : GENESIS_HASH;
      const sealed = sealEvents(streamId, firstRevision, prevHash, events, new Date().toISOString());
      let result: EsdbAppendResult | undefined;
      let actual: number | 'no_stream' | undefined;
      try {
        result = await this.withinAppendTimeout(
          streamId,
          this.client.appendToStream(streamId, sealed.map(toEventData), {
            expectedRevision: sealGuard(expected, head?.revision),
            // An old leader refuses (NotLeaderError) instead of forwarding to the new one: the
            // seal was made against the head read there.
            requiresLeader: true,
          }),
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        actual = fromEsdbCurrentRevision(error.actualVersion);
      }
      if (result?.success) {
        const revision = Number(result.nextExpectedRevision);
        // The server reports the log position of the batch's last event; an idempotent
        // acknowledgement may come without one.
        const position = result.position
          ? fromEsdbPosition(result.position.commit)
          : (await this.readAt(streamId, revision)).position;
        return { nextExpectedRevision: revision, position };
      }
      if (expected === 'any' && attempt < this.options.anyRetries) {
        await pause(attempt);
        continue;
      }
      // With throwOnAppendFailure=false the client answers success: false with an unreliable
      // revision, so the head is read again.
      actual ??= (await this.readHead(streamId))?.revision ?? 'no_stream';
      throw new ConcurrencyError(streamId, expected, actual);
    }
  }

  /** Client v6 gives an append's call no deadline of its own (`deadline: Infinity`) either. */
  private withinAppendTimeout<T>(streamId: string, append: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new StoreUnavailableError(
              'timeout',
              `EventStoreDB did not answer an append to ${streamId} within ${this.options.timeoutMs} ms`,
            ),
          ),
        this.options.timeoutMs,
      );
    });
    append.catch(noop);
    return Promise.race([append, timeout]).finally(() => clearTimeout(timer));
  }

  private readStreamRaw(
    streamId: string,
    fromRevision: bigint | typeof START | typeof END,
    direction: typeof FORWARDS | typeof BACKWARDS,
    maxCount?: number,
  ): Promise<ResolvedEvent[]> {
    return this.reader.streamPage(streamId, fromRevision, direction, maxCount);
  }

  private async readHead(streamId: string): Promise<(StoredRef & { hash: string }) | undefined> {
    const [last] = await this.readStreamRaw(streamId, END, BACKWARDS, 1);
    if (!last?.event) return undefined;
    const hash = toRecordedEvent(last).metadata.hash;
    if (typeof hash !== 'string') {
      throw new Error(
        `Stream ${streamId} ends with an event without a hash; it was not written through this store`,
      );
    }
    return { ...toStoredRef(last), hash };
  }

  private async readTail(streamId: string, count: number): Promise<StoredRef[]> {
    return (await this.readStreamRaw(streamId, END, BACKWARDS, count)).map(toStoredRef).reverse();
  }

  private async readAt(streamId: string, revision: number): Promise<StoredRef> {
    const [event] = await this.readStreamRaw(streamId, BigInt(revision), FORWARDS, 1);
    if (!event)
      throw new Error(`Stream ${streamId} has no event at revision ${revision} right after appending it`);
    return toStoredRef(event);
  }

  /** An earlier append under the same expectation wrote its batch right after that revision. */
  private async readWhereBatchWouldBe(
    streamId: string,
    expected: 'no_stream' | number,
    count: number,
  ): Promise<StoredRef[]> {
    if (expected !== 'no_stream' && (!Number.isSafeInteger(expected) || expected < 0)) return [];
    const from = expected === 'no_stream' ? START : BigInt(expected + 1);
    return (await this.readStreamRaw(streamId, from, FORWARDS, count)).map(toStoredRef);
  }
}

function toAppendResult(last: StoredRef): AppendResult {
  return { nextExpectedRevision: last.revision, position: last.position };
}

function noop(): void {}

/** Jittered back-off, so that writers racing from several processes do not collide in lockstep. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
}
