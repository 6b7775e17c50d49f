import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, type Observable, of, switchMap } from 'rxjs';
import {
  type Actor,
  canonicalJson,
  ConcurrencyError,
  DomainError,
  deterministicUuid,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
  SCHEMA_VERSION,
} from '@app/eventsourcing';
import { Clock } from '../time/clock';
import { EVENT_STORE } from '../nest/tokens';
import { type RequestContext, requestContext } from './request-context';
import { RequestValidationError } from './request-validation-error';

export class IdempotencyKeyReused extends DomainError {
  readonly code = 'idempotency-key-reused';
  readonly kind = 'rule-violated';
  constructor() {
    super('This Idempotency-Key was already used for a different request; use a new key for a new request.');
  }
}

interface Started {
  requestHash: string;
}
interface Completed extends Started {
  status: number;
  body: unknown;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

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
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { principal?: { subject: string } }>();
    const key = req.headers['idempotency-key'];
    if (key === undefined || req.method === 'GET' || !req.principal) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new RequestValidationError(
        'invalid-idempotency-key',
        'Idempotency-Key must be 1 to 200 visible ASCII characters.',
      );
    }
    const res = http.getResponse<Response>();
    const scope = createHash('sha256').update(`${req.principal.subject}\n${key}`).digest('hex').slice(0, 40);
    const streamId = `idempotency-${scope}`;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${canonicalJson(req.body ?? null)}`)
      .digest('hex');
    const ctx = requestContext.current();

    return from(this.store.readStream(streamId)).pipe(
      switchMap((history) => {
        const { started, completed } = read(history);
        if (completed) return of(this.replay(completed, requestHash, res));
        if (started && started.requestHash !== requestHash) throw new IdempotencyKeyReused();
        if (ctx) {
          ctx.commandId = scope;
          let reserved = started !== undefined;
          ctx.idempotency = {
            reserve: async () => {
              if (reserved) return;
              await this.reserve(streamId, requestHash, ctx);
              reserved = true;
            },
          };
        }
        return next
          .handle()
          .pipe(
            switchMap((body: unknown) =>
              from(this.remember(streamId, { requestHash, status: res.statusCode, body }, res, ctx)),
            ),
          );
      }),
    );
  }

  private replay(completed: Completed, requestHash: string, res: Response): unknown {
    if (completed.requestHash !== requestHash) throw new IdempotencyKeyReused();
    res.status(completed.status);
    res.setHeader('Idempotent-Replayed', 'true');
    return completed.body;
  }

  /** Claims the key for this request before anything else is written; refuses a different request. */
  private async reserve(streamId: string, requestHash: string, ctx: RequestContext): Promise<void> {
    try {
      await this.append(streamId, 'IdempotentRequestStarted', { requestHash }, 'no_stream', ctx);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const { started } = read(await this.store.readStream(streamId));
      if (started?.requestHash !== requestHash) throw new IdempotencyKeyReused();
    }
  }

  private async remember(
    streamId: string,
    record: Completed,
    res: Response,
    ctx: RequestContext | undefined,
  ): Promise<unknown> {
    try {
      // The reservation already excludes any other request; the event id makes a repeat a no-op.
      await this.append(streamId, 'IdempotentRequestCompleted', record, 'any', ctx);
      return record.body;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const { completed } = read(await this.store.readStream(streamId));
      if (!completed) throw error;
      return this.replay(completed, record.requestHash, res);
    }
  }

  private append(
    streamId: string,
    type: string,
    data: Started | Completed,
    expected: ExpectedRevision,
    ctx: RequestContext | undefined,
  ) {
    const actor: Actor = ctx?.actor ?? { subject: 'unknown', role: 'unknown' };
    return this.store.appendToStream(
      streamId,
      [
        {
          type,
          data,
          metadata: {
            eventId: deterministicUuid(`${streamId}:${type}:${data.requestHash}`),
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

function read(history: RecordedEvent[]): { started?: Started; completed?: Completed } {
  return {
    started: history.find((e) => e.type === 'IdempotentRequestStarted')?.data as Started | undefined,
    completed: history.find((e) => e.type === 'IdempotentRequestCompleted')?.data as Completed | undefined,
  };
}
