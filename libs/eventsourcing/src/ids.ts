import { createHash, hash as oneShotHash, randomUUID } from 'node:crypto';

const NAMESPACE = 'b1b5a2de-6f0e-4f4c-9a51-7c0de5a11ce5';
/** The namespace's bytes, parsed once: projections derive ids for every event of a replay. */
const namespaceBytes = new Map<string, Buffer>();

/**
 * A name-based UUID (RFC 4122 version 5 layout): the same name always gives the same id.
 * Used for event ids derived from a command or a job, so that a retry writes nothing twice.
 */
export function deterministicUuid(name: string, namespace = NAMESPACE): string {
  let ns = namespaceBytes.get(namespace);
  if (!ns) {
    ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    if (namespaceBytes.size < 100) namespaceBytes.set(namespace, ns);
  }
  // One-shot hashing (Node 20.12+) over namespace and name: no Hash object per id.
  const digest =
    typeof oneShotHash === 'function'
      ? (oneShotHash('sha1', Buffer.concat([ns, Buffer.from(name, 'utf8')]), 'buffer') as unknown as Buffer)
      : createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newId(): string {
  return randomUUID();
}
