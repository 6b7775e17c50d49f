import { createHash, randomUUID } from 'node:crypto';

const NAMESPACE = 'b1b5a2de-6f0e-4f4c-9a51-7c0de5a11ce5';

/**
 * A name-based UUID (RFC 4122 version 5 layout): the same name always gives the same id.
 * Used for event ids derived from a command or a job, so that a retry writes nothing twice.
 */
export function deterministicUuid(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newId(): string {
  return randomUUID();
}
