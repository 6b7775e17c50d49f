import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { whenAnswered } from './answer-hooks';
import { IdempotencyKeys, type KeyedRequest } from './idempotency';
import { JsonBodyCheck } from './json-body';
import { requestContext } from './request-context';

/**
 * What every route checks after the caller is known (the identity module's guard runs first, so
 * an unknown caller hears 401 before anything else), in this order: the JSON body, then the
 * Idempotency-Key (a body that is not JSON is refused before a key is looked at). A guard, not an
 * interceptor: Nest wraps every interceptor of every request in an rxjs `defer` and an
 * `AsyncResource.bind`, which on Node 20 also builds two deprecation wrappers each time, work
 * that a synchronous check and a header most requests do not carry have no use for. A repeat of
 * an answered request is thrown as an `IdempotentReplay`, which the problem filter sends.
 */
@Injectable()
export class RequestGuard implements CanActivate {
  constructor(
    private readonly jsonBody: JsonBodyCheck,
    private readonly keys: IdempotencyKeys,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    this.jsonBody.check(context);
    const req = context.switchToHttp().getRequest<KeyedRequest & { raw?: object }>();
    if (req.headers['idempotency-key'] === undefined) return true;
    return this.checkKey(req);
  }

  private async checkKey(req: KeyedRequest & { raw?: object }): Promise<boolean> {
    const held = await this.keys.begin(req, requestContext.current());
    if (held && 'replay' in held) throw held.replay;
    if (held) whenAnswered(req.raw ?? req, held.settle);
    return true;
  }
}
