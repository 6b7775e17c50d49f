import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { JsonBodyInterceptor } from './json-body.interceptor';

/**
 * The API's global interceptors as one, in their order: the JSON body check, then the
 * Idempotency-Key (a body that is not JSON is refused before a key is looked at). One instead of
 * two, because Nest wraps every interceptor of every request in an rxjs `defer` and an
 * `AsyncResource.bind`, which on Node 20 also builds two deprecation wrappers each time: per
 * request work that the JSON check, a synchronous test, has no use for.
 */
@Injectable()
export class RequestInterceptor implements NestInterceptor {
  constructor(
    private readonly jsonBody: JsonBodyInterceptor,
    private readonly idempotency: IdempotencyInterceptor,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.jsonBody.check(context);
    return this.idempotency.intercept(context, next);
  }
}
