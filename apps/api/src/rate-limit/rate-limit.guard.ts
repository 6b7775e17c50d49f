import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import { domainError } from '@app/eventsourcing';

export const RateLimitExceeded = domainError(
  'rate-limited',
  'too-many-requests',
  (d: { perMinute: number; retryAfterSeconds: number }) => ({
    de: `Mehr als ${d.perMinute} Anfragen in einer Minute von dieser Adresse; bitte in ${d.retryAfterSeconds} s erneut versuchen.`,
    en: `More than ${d.perMinute} requests in a minute from this address; retry in ${d.retryAfterSeconds} s.`,
  }),
);

/**
 * @nestjs/throttler's guard, as this API needs it: counted before the token is checked (this guard is registered before
 * the auth guard, so junk tokens cannot buy fresh budgets), answered with the IETF draft's
 * `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy` headers and,
 * past the limit, a 429 problem+json with `Retry-After`. Behind a proxy, Express's `trust proxy`
 * (TRUST_PROXY) decides the client's address.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override headerPrefix = 'RateLimit';

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const { res } = this.getRequestResponse(request.context);
    this.setResponseHeader(res, 'RateLimit-Policy', `${request.limit};w=${Math.round(request.ttl / 1000)}`);
    return super.handleRequest(request);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const { res } = this.getRequestResponse(context);
    this.setResponseHeader(res, 'RateLimit-Limit', detail.limit);
    this.setResponseHeader(res, 'RateLimit-Remaining', 0);
    this.setResponseHeader(res, 'RateLimit-Reset', detail.timeToBlockExpire);
    throw new RateLimitExceeded({ perMinute: detail.limit, retryAfterSeconds: detail.timeToBlockExpire });
  }
}
