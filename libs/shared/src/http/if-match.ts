import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestValidationError } from './request-validation-error';

/** `If-Match: "3"` → 3: the revision the caller last read; absent → undefined. */
export const IfMatchRevision = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number | undefined => {
    const header = ctx.switchToHttp().getRequest<Request>().headers['if-match'];
    if (header === undefined) return undefined;
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
    if (!match)
      throw new RequestValidationError('invalid-if-match', {
        de: 'If-Match muss einen Stand nennen, z. B. If-Match: "3".',
        en: 'If-Match must carry a revision, e.g. If-Match: "3".',
      });
    return Number(match[1]);
  },
);
