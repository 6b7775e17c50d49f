import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  type Actor,
  canonicalJson,
  ConcurrencyError,
  DomainError,
  deterministicUuid,
  newId,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
  SCHEMA_VERSION,
} from '@app/eventsourcing';
import { Clock } from '../time/clock';
import { EVENT_STORE } from '../nest/tokens';
import type { RequestContext } from './request-context';
import { RequestValidationError } from './request-validation-error';

export class IdempotencyKeyReused extends DomainError {
  readonly code = 'idempotency-key-reused';
  readonly kind = 'rule-violated';
  constructor() {
    super({
      de: 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet; eine neue Anfrage braucht einen neuen Schlüssel.',
      en: 'This Idempotency-Key was already used for a different request; use a new key for a new request.',
    });
  }
}

export class IdempotencyRequestInProgress extends DomainError {
  readonly code = 'idempotency-request-in-progress';
  readonly kind = 'conflict';
  constructor() {
    super({
      de: 'Eine Anfrage mit diesem Idempotency-Key wird noch bearbeitet; bitte gleich erneut senden, um ihre Antwort zu erhalten.',
      en: 'A request with this Idempotency-Key is still being processed; retry in a moment to get its answer.',
    });
  }
}

/**
 * A reservation older than this, in wall-clock time, belongs to an attempt that crashed; a retry
 * may take it over. Wall time, not business time: on an accelerated clock a minute of business
 * time passes in a fraction of a millisecond, while a request still takes its real time.
 */
const STALE_AFTER_WALL_MS = 60_000;

interface Started {
  requestHash: string;
}
interface Completed extends Started {
  status: number;
  body: unknown;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** What the key's check reads of a request (Fastify's). */
export interface KeyedRequest {
  headers: IncomingHttpHeaders;
  method: string;
  originalUrl: string;
  body?: unknown;
  principal?: { subject: string };
}

/**
 * The first answer to a request, sent again for a repeat of it (status, body, and the header
 * `Idempotent-Replayed: true`). Thrown by the request guard, sent by the problem filter: a guard
 * cannot answer itself.
 */
export class IdempotentReplay {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** What a request holding a key does with its answer: records it, or gives the key back. */
export type SettleKey = (status: number, body: unknown) => Promise<void>;

/**
 * Idempotency-Key on commands, kept in the event store (stream `idempotency-<hash of caller and
 * key>`), so it survives restarts and serves every API replica:
 * - the same key and body answer as the first time, without a new event;
 * - the same key with another body is refused (422) and writes nothing: the key is reserved
 *   (IdempotentRequestStarted, expected revision "no stream") just before the request's first
 *   append, so of two racing requests only one can write;
 * - a refused request (invalid, rule violated) reserves nothing: the key stays free.
 * Event ids derive from the key, so a concurrent duplicate of the same request writes nothing
 * twice. A retry after a crash between the command's append and the recorded answer decides
 * again on the new state, and may be refused where the first answer was a success.
 *
 * Checked by the request guard before the route's handler; the answer is recorded (or the key
 * given back) when it is sent, before it leaves (`whenAnswered`, Fastify's onSend). Not a Nest
 * interceptor: Nest wraps every interceptor of every request in rxjs and `AsyncResource.bind`,
 * a measurable share of a command for a header most requests do not carry.
 */
@Injectable()
export class IdempotencyKeys {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Before the handler: nothing to do (no key, a GET, no caller), the first answer to replay, or
   * the request goes on holding the key (the request context gets the command id and the
   * reservation) and `settle` must be called with its answer.
   */
  async begin(
    req: KeyedRequest,
    ctx: RequestContext | undefined,
  ): Promise<{ replay: IdempotentReplay } | { settle: SettleKey } | undefined> {
    const key = req.headers['idempotency-key'];
    if (key === undefined || req.method === 'GET' || !req.principal) return undefined;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new RequestValidationError('invalid-idempotency-key', {
        de: 'Idempotency-Key muss aus 1 bis 200 sichtbaren ASCII-Zeichen bestehen.',
        en: 'Idempotency-Key must be 1 to 200 visible ASCII characters.',
      });
    }
    const scope = createHash('sha256').update(`${req.principal.subject}\n${key}`).digest('hex').slice(0, 40);
    const streamId = `idempotency-${scope}`;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${canonicalJson(withoutSecrets(req.body ?? null))}`)
      .digest('hex');

    const history = await this.store.readStream(streamId);
    const state = read(history);
    if (state.completed) {
      if (state.completed.requestHash !== requestHash) throw new IdempotencyKeyReused();
      return { replay: new IdempotentReplay(state.completed.status, state.completed.body) };
    }
    if (state.started && state.started.requestHash !== requestHash) throw new IdempotencyKeyReused();
    if (state.started && !isStale(state.startedRecordedAt)) throw new IdempotencyRequestInProgress();
    // Free, or a crashed attempt of this very request (stale): this request may go on.
    let reserved = false;
    if (ctx) {
      ctx.commandId = scope;
      ctx.idempotency = {
        reserve: async () => {
          if (reserved) return;
          await this.reserve(streamId, requestHash, history.length - 1, ctx);
          reserved = true;
        },
      };
    }
    return {
      settle: async (status, body) => {
        // A refused request gives its key back, so that a corrected retry may use it.
        if (status >= 400) {
          if (reserved)
            await this.append(streamId, 'IdempotentRequestAbandoned', { requestHash }, 'any', ctx, true);
          return;
        }
        await this.remember(streamId, { requestHash, status, body }, ctx);
      },
    };
  }

  /** Claims the key for this request before anything else is written; refuses a different request. */
  private async reserve(
    streamId: string,
    requestHash: string,
    seen: number,
    ctx: RequestContext,
  ): Promise<void> {
    try {
      await this.append(
        streamId,
        'IdempotentRequestStarted',
        { requestHash },
        seen < 0 ? 'no_stream' : seen,
        ctx,
      );
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const state = read(await this.store.readStream(streamId));
      if (state.started?.requestHash === requestHash || state.completed?.requestHash === requestHash) {
        throw new IdempotencyRequestInProgress();
      }
      throw new IdempotencyKeyReused();
    }
  }

  /** Records the answer; this request holds the key, and the event id makes a repeat a no-op. */
  private async remember(
    streamId: string,
    record: Completed,
    ctx: RequestContext | undefined,
  ): Promise<void> {
    await this.append(streamId, 'IdempotentRequestCompleted', record, 'any', ctx);
  }

  private append(
    streamId: string,
    type: string,
    data: Started | Completed,
    expected: ExpectedRevision,
    ctx: RequestContext | undefined,
    fresh = false,
  ) {
    const actor: Actor = ctx?.actor ?? { subject: 'unknown', role: 'unknown' };
    return this.store.appendToStream(
      streamId,
      [
        {
          type,
          data,
          metadata: {
            eventId: fresh ? newId() : deterministicUuid(`${streamId}:${type}:${data.requestHash}`),
            schemaVersion: SCHEMA_VERSION,
            occurredAt: this.clock.nowIso(),
            actor,
            correlationId: ctx?.correlationId ?? streamId,
            causationId: ctx?.correlationId ?? streamId,
            commandId: ctx?.commandId,
          },
        },
      ],
      expected,
    );
  }
}

/** The store's recordedAt is wall-clock time on every adapter (the business clock sets occurredAt). */
function isStale(recordedAt: string | undefined): boolean {
  return recordedAt === undefined || Date.now() - Date.parse(recordedAt) > STALE_AFTER_WALL_MS;
}

interface KeyState {
  started?: Started;
  /** When the store wrote the reservation (wall clock). */
  startedRecordedAt?: string;
  completed?: Completed;
}

/** The key's state: the last reservation not given back (with its time), and the answer if any. */
function read(history: RecordedEvent[]): KeyState {
  const state: KeyState = {};
  for (const event of history) {
    if (event.type === 'IdempotentRequestStarted') {
      state.started = event.data as Started;
      state.startedRecordedAt = event.metadata.recordedAt;
    } else if (event.type === 'IdempotentRequestAbandoned') {
      state.started = undefined;
      state.startedRecordedAt = undefined;
    } else if (event.type === 'IdempotentRequestCompleted') {
      state.completed = event.data as Completed;
    }
  }
  return state;
}

/**
 * The body as its hash is kept: a secret's value (a webhook secret a municipality chose) is left
 * out, because an unsalted hash of a body stored in the event log, which auditors read, lets a
 * guessed secret be confirmed offline. A repeat with the same key and another secret is thus
 * taken for the same request: a new secret needs a new key.
 */
const SECRET_FIELD = /secret|password|passphrase|token/i;
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      typeof v === 'string' && SECRET_FIELD.test(key) ? '(secret)' : withoutSecrets(v),
    ]),
  );
}
