import { InvalidStreamIdError } from './errors';

/**
 * Ids that users may choose or see: letters, digits, '-', '_' and '.', no '..', at most 160
 * characters, starting and ending with a letter or digit. This keeps users away from system streams ('$'),
 * path tricks ('/', '..') and the category separator's ambiguity.
 */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,159}$/;

export function isValidId(id: string): boolean {
  return typeof id === 'string' && ID_PATTERN.test(id) && !id.includes('..') && !id.endsWith('.');
}

export function assertValidId(id: string): string {
  if (!isValidId(id)) throw new InvalidStreamIdError(id);
  return id;
}

/** `<context>-<id>`, e.g. `call-kkz-2011`. The context is a code constant, the id is validated. */
export function streamName(context: string, id: string): string {
  return `${context}-${assertValidId(id)}`;
}

/** What a store accepts as a stream id at all: never a system stream, never a path. */
export function assertValidStreamId(streamId: string): void {
  if (
    typeof streamId !== 'string' ||
    streamId.length === 0 ||
    streamId.length > 200 ||
    streamId.startsWith('$') ||
    streamId.includes('/') ||
    streamId.includes('..') ||
    !/^[A-Za-z0-9_.-]+$/.test(streamId)
  ) {
    throw new InvalidStreamIdError(streamId);
  }
}
