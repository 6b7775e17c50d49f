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
  canonicalJson,
  ConcurrencyError,
  DomainError,
  deterministicUuid,
  type EventStore,
  type RecordedEvent,
  SCHEMA_VERSION,
} from '@app/eventsourcing';
import { Clock } from '../time/clock';
import { EVENT_STORE } from '../nest/tokens';
import { requestContext } from './request-context';
import { RequestValidationError } from './request-validation-error';

export class IdempotencyKeyReused extends DomainError {
  readonly code = 'idempotency-key-reused';
  readonly kind = 'rule-violated';
  constructor() {
    super('This Idempotency-Key was already used for a different request; use a new key for a new request.');
  }
}

interface CompletedRequest {
  requestHash: string;
  status: number;
  body: unknown;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key on commands: the same key and body answer as the first time without a new
 * event; the same key with another body is refused. The first answer is kept in the event store
 * (stream `idempotency-<hash of caller and key>`), so it survives restarts and serves every API
 * replica. The command runs with a command id derived from key and body, so its event ids are
 * deterministic and a retry after a crash between the two appends writes nothing twice.
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

    return from(this.store.readStream(streamId)).pipe(
      switchMap((history) => {
        const earlier = completed(history);
        if (earlier) return of(this.replay(earlier, requestHash, res));
        const ctx = requestContext.current();
        if (ctx) ctx.commandId = `${scope}:${requestHash.slice(0, 16)}`;
        return next
          .handle()
          .pipe(
            switchMap((body: unknown) =>
              from(this.remember(streamId, { requestHash, status: res.statusCode, body }, res)),
            ),
          );
      }),
    );
  }

  private replay(earlier: CompletedRequest, requestHash: string, res: Response): unknown {
    if (earlier.requestHash !== requestHash) throw new IdempotencyKeyReused();
    res.status(earlier.status);
    res.setHeader('Idempotent-Replayed', 'true');
    return earlier.body;
  }

  private async remember(streamId: string, record: CompletedRequest, res: Response): Promise<unknown> {
    const ctx = requestContext.current();
    const now = this.clock.nowIso();
    try {
      await this.store.appendToStream(
        streamId,
        [
          {
            type: 'IdempotentRequestCompleted',
            data: record,
            metadata: {
              eventId: deterministicUuid(`${streamId}:${record.requestHash}`),
              schemaVersion: SCHEMA_VERSION,
              occurredAt: now,
              actor: ctx?.actor ?? { subject: 'unknown', role: 'unknown' },
              correlationId: ctx?.correlationId ?? streamId,
              causationId: ctx?.correlationId ?? streamId,
              commandId: ctx?.commandId,
            },
          },
        ],
        'no_stream',
      );
      return record.body;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      // A concurrent request with the same key finished first: answer as it did.
      const earlier = completed(await this.store.readStream(streamId));
      if (!earlier) throw error;
      return this.replay(earlier, record.requestHash, res);
    }
  }
}

function completed(history: RecordedEvent[]): CompletedRequest | undefined {
  const first = history.find((e) => e.type === 'IdempotentRequestCompleted');
  return first?.data as CompletedRequest | undefined;
}
