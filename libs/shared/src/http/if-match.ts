import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { IncomingHttpHeaders } from 'node:http';
import { RequestValidationError } from './request-validation-error';

/** `If-Match: "3"` → 3: the revision the caller last read; absent → undefined. */
/** Documents the header on the route that reads it. */
const documentIfMatch = (target: object, key: string | symbol | undefined) => {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor)
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The revision the caller last read, e.g. `"3"` (from `revision` of the record or of a command\'s answer). ' +
        'If the record changed since, the command is refused with 409 `concurrency-conflict`; without it the command applies to the latest revision.',
      schema: { type: 'string', pattern: '^(W/)?"?\\d{1,9}"?$', example: '"3"' },
    })(target, key, descriptor);
};

export const IfMatchRevision = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number | undefined => {
    const header = ctx.switchToHttp().getRequest<{ headers: IncomingHttpHeaders }>().headers['if-match'];
    if (header === undefined) return undefined;
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
    if (!match)
      throw new RequestValidationError('invalid-if-match', {
        de: 'If-Match muss einen Stand nennen, z. B. If-Match: "3".',
        en: 'If-Match must carry a revision, e.g. If-Match: "3".',
      });
    return Number(match[1]);
  },
  [documentIfMatch],
);
