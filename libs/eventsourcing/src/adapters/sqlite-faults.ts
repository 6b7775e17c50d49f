import { accessSync, constants, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventTooLargeError, type StoreFault, StoreUnavailableError } from '../errors';

/**
 * Below this much free space a commit (a few pages of WAL, fsynced) is about to fail: the store
 * reports itself full before the next write finds out.
 */
const MIN_FREE_BYTES = 64 * 1024;

const REASONS: Record<StoreFault, string> = {
  'read-only': 'the file or its file system is read-only',
  'disk-full': 'the disk is full',
  corrupt: 'it is damaged or not an SQLite database',
  busy: 'another process holds its write lock',
  'io-error': 'the file system reports an input/output error',
  unreachable: 'it cannot be reached',
  timeout: 'it did not answer in time',
  'no-leader': 'the cluster has no leader',
  'access-denied': 'access is denied',
};

/** What an SQLite error says about the store, if it is the store's fault rather than the request's. */
function faultOf(error: unknown): StoreFault | undefined {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code === 'SQLITE_FULL') return 'disk-full';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_PROTOCOL'
  )
    return 'io-error';
  return undefined;
}

/**
 * The file-system facts that stop writes to the store file: read-only (a read-only mount, an
 * immutable file, missing permissions; checked with access(2), which also holds for root on a
 * read-only mount or an immutable file) or (nearly) no free space. Undefined when none holds.
 */
export function fileSystemFault(file: string): StoreFault | undefined {
  if (file === ':memory:') return undefined;
  for (const path of [file, dirname(file)]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return 'read-only';
    }
  }
  try {
    const fs = statfsSync(dirname(file));
    if (fs.bavail * fs.bsize < MIN_FREE_BYTES) return 'disk-full';
  } catch {
    // No statfs here (or the directory is gone): the next write will tell.
  }
  return undefined;
}

/**
 * An SQLite error as the port speaks of it: a fault of the store becomes StoreUnavailableError
 * (an I/O error is narrowed to its cause where the file system shows one), SQLITE_TOOBIG an
 * EventTooLargeError; anything else (a constraint, a rule of ours) is returned unchanged.
 */
export function translateSqliteError(error: unknown, file: string, streamId?: string): unknown {
  if (error instanceof StoreUnavailableError || error instanceof EventTooLargeError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_TOOBIG') return new EventTooLargeError(streamId ?? '?', undefined, { cause: error });
  let fault = faultOf(error);
  if (fault === undefined) return error;
  if (fault === 'io-error') fault = fileSystemFault(file) ?? fault;
  return storeFault(fault, file, error);
}

export function storeFault(fault: StoreFault, file: string, cause?: unknown): StoreUnavailableError {
  const code = (cause as { code?: unknown } | undefined)?.code;
  return new StoreUnavailableError(
    fault,
    `The event store file ${file} cannot be used: ${REASONS[fault]}${typeof code === 'string' ? ` (${code})` : ''}.`,
    { cause },
  );
}

/** The one sentence printed when the store cannot be opened at start (exit 78). */
export function openFault(error: unknown, file: string, purpose = 'writing'): StoreUnavailableError {
  const translated = translateSqliteError(error, file);
  const fault = translated instanceof StoreUnavailableError ? translated.reason : 'io-error';
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(
    fault,
    `The event store file ${file} cannot be opened for ${purpose}: ${REASONS[fault]} (SQLite: ${detail}).`,
    { cause: error },
  );
}
