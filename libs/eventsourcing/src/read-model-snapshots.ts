import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { RecordedEvent } from './event';
import type { EventStore } from './event-store';
import type { Projection } from './projection';

/**
 * Persisted read models: every projection's state with the store position it covers, so that a
 * start loads them and catches up from there instead of folding the whole store again.
 *
 * A snapshot is only ever used when it is certainly the one these read models would have built:
 * - its fingerprint equals the running one: the registered projections (names, declared versions)
 *   and the code that builds them (see `ReadModelSnapshotOptions.fingerprint`);
 * - the store is the one it was taken from: the event at its position, and the store's first
 *   event, are still there with the same event id and hash (a store replaced, truncated, or
 *   restored from an older backup fails this);
 * - the file is whole: a header names the payload's length and SHA-256.
 * Anything else is a full rebuild with a log line saying why, never a crash.
 *
 * Trusted, not checked: that history before the position was never changed in place (the
 * project's contract; `audit:verify` checks the hash chains for that).
 */

/** Bumped when this file's layout changes: every older snapshot is then ignored. */
const FORMAT = 1;
const MAGIC = Buffer.from('kkz-read-models\n', 'latin1');

/** Which event a snapshot's position stands for, and the store's first, to recognise the store. */
export interface StoreMark {
  position: number;
  eventId: string;
  hash: string;
  firstEventId: string;
}

interface Header extends StoreMark {
  format: number;
  fingerprint: string;
  projections: string[];
  payloadBytes: number;
  payloadSha256: string;
  writtenAt: string;
}

export interface LoadedSnapshot {
  position: number;
  /** The event at `position` and the store's first, checked against the store. */
  mark: StoreMark;
  states: Map<string, unknown>;
  /** How long reading, checking and deserialising took. */
  ms: number;
  bytes: number;
}

export interface ReadModelSnapshotOptions {
  /** The directory the snapshot lives in (created if missing). */
  dir: string;
  /**
   * What, besides the projections' names and declared versions, must be unchanged for a snapshot
   * to be valid: the application passes a hash of its build (`buildFingerprint`), which
   * covers the projections, the helpers they call and the upcasters that shape their events.
   */
  fingerprint: string | (() => string);
  /** Told why a snapshot was not used, and what was loaded or written. */
  log?: (level: 'info' | 'warn', message: string) => void;
}

/** The projections' names and declared versions, and the code fingerprint: what a snapshot must match. */
export function snapshotFingerprint(projections: readonly Projection<unknown>[], code: string): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        format: FORMAT,
        // v8.serialize's wire format and the built-ins (Intl, Date) belong to the runtime.
        node: process.version,
        projections: projections.map((p) => [p.name, p.version ?? 1]),
        code,
      }),
    )
    .digest('hex');
}

/**
 * Reads and writes one application's snapshot. The file's name carries a hash of the registered
 * projections' names, so that the API and the worker (different read models on the same store)
 * each keep their own; several replicas of one application share one, written atomically.
 */
export class ReadModelSnapshots {
  private code?: string;
  constructor(private readonly options: ReadModelSnapshotOptions) {}

  /** Worked out once, when first needed: by then every module of the application is loaded. */
  private get fingerprint(): string {
    const { fingerprint } = this.options;
    return (this.code ??= typeof fingerprint === 'function' ? fingerprint() : fingerprint);
  }

  fileFor(projections: readonly Projection<unknown>[]): string {
    const names = createHash('sha256')
      .update(projections.map((p) => p.name).join('\n'))
      .digest('hex')
      .slice(0, 12);
    return join(this.options.dir, `read-models-${names}.snapshot`);
  }

  /**
   * The snapshot for these projections on this store, or undefined (with the reason logged) when
   * there is none or it cannot be trusted.
   */
  async load(
    store: EventStore,
    projections: readonly Projection<unknown>[],
  ): Promise<LoadedSnapshot | undefined> {
    const started = Date.now();
    const file = this.fileFor(projections);
    const refuse = (why: string) => {
      this.log('warn', `read-model snapshot ${file} not used, rebuilding from the store: ${why}`);
      return undefined;
    };
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.log('info', `no read-model snapshot at ${file}: rebuilding from the store`);
        return undefined;
      }
      return refuse(`it cannot be read (${(error as Error).message})`);
    }
    try {
      const parsed = parse(bytes);
      if (typeof parsed === 'string') return refuse(parsed);
      const { header, payload } = parsed;
      const fingerprint = snapshotFingerprint(projections, this.fingerprint);
      if (header.fingerprint !== fingerprint) {
        return refuse(
          'it was written by other read-model code (the projections, their versions, the upcasters or the build changed)',
        );
      }
      const storeProblem = await checkStore(store, header);
      if (storeProblem) return refuse(storeProblem);
      if (createHash('sha256').update(payload).digest('hex') !== header.payloadSha256) {
        return refuse('its content does not match its checksum (damaged file)');
      }
      const entries = deserialize(payload) as unknown;
      if (!Array.isArray(entries)) return refuse('its content is not a list of read models');
      const states = new Map(entries as [string, unknown][]);
      const missing = projections.filter((p) => !states.has(p.name)).map((p) => p.name);
      if (missing.length > 0) return refuse(`it lacks the read models ${missing.join(', ')}`);
      for (const name of [...states.keys()])
        if (!projections.some((p) => p.name === name)) states.delete(name);
      const ms = Date.now() - started;
      this.log(
        'info',
        `read models loaded from snapshot ${basename(file)} at position ${header.position} ` +
          `(${(bytes.length / 1e6).toFixed(1)} MB, written ${header.writtenAt}) in ${ms} ms`,
      );
      const { position, eventId, hash, firstEventId } = header;
      return { position, mark: { position, eventId, hash, firstEventId }, states, ms, bytes: bytes.length };
    } catch (error) {
      return refuse(`it cannot be read back (${(error as Error).message})`);
    }
  }

  /**
   * Serialises the states now (synchronously: they must be those of `mark.position`, and the
   * caller applies no event meanwhile), then writes the file without blocking: temp file, fsync,
   * rename, fsync of the directory. Resolves with the bytes written.
   */
  write(
    projections: readonly Projection<unknown>[],
    states: ReadonlyMap<string, unknown>,
    mark: Omit<StoreMark, 'firstEventId'>,
    firstEventId: string,
  ): { serializeMs: number; done: Promise<number> } {
    const started = Date.now();
    const payload = serialize(projections.map((p) => [p.name, states.get(p.name)]));
    const serializeMs = Date.now() - started;
    const header: Header = {
      format: FORMAT,
      fingerprint: snapshotFingerprint(projections, this.fingerprint),
      projections: projections.map((p) => p.name),
      ...mark,
      firstEventId,
      payloadBytes: payload.length,
      payloadSha256: createHash('sha256').update(payload).digest('hex'),
      writtenAt: new Date().toISOString(),
    };
    const file = this.fileFor(projections);
    return { serializeMs, done: writeAtomically(file, encode(header), payload) };
  }

  private log(level: 'info' | 'warn', message: string): void {
    this.options.log?.(level, message);
  }
}

function encode(header: Header): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json]);
}

/** The header and payload, or why the file is not a snapshot of this format. */
function parse(bytes: Buffer): { header: Header; payload: Buffer } | string {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    return 'it is not a read-model snapshot (damaged or foreign file)';
  }
  const headerLength = bytes.readUInt32BE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > bytes.length) return 'it ends inside its header (damaged file)';
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(MAGIC.length + 4, headerEnd).toString('utf8')) as Header;
  } catch {
    return 'its header is not readable (damaged file)';
  }
  if (header.format !== FORMAT) return `it has format ${header.format}, this version reads ${FORMAT}`;
  if (
    !Number.isSafeInteger(header.position) ||
    header.position <= 0 ||
    typeof header.eventId !== 'string' ||
    typeof header.hash !== 'string'
  ) {
    return 'its header does not name the position it covers (damaged file)';
  }
  const payload = bytes.subarray(headerEnd);
  if (payload.length !== header.payloadBytes) {
    return `it holds ${payload.length} bytes of read models, its header says ${header.payloadBytes} (cut short or damaged)`;
  }
  return { header, payload };
}

/** Why the store is not the one the snapshot was taken from, or undefined if it is. */
async function checkStore(store: EventStore, mark: StoreMark): Promise<string | undefined> {
  const head = await store.headPosition();
  if (head < mark.position) {
    return `the store ends at position ${head}, before the snapshot's ${mark.position} (store truncated, replaced, or restored from an older backup)`;
  }
  const [atMark] = await store.readAll({ after: mark.position - 1, maxCount: 1 });
  if (!sameEvent(atMark, mark.position, mark.eventId, mark.hash)) {
    return `the event at position ${mark.position} is not the one the snapshot was taken after (the store was replaced or restored)`;
  }
  const [first] = await store.readAll({ maxCount: 1 });
  if (first?.metadata.eventId !== mark.firstEventId) {
    return 'the store begins with another event than the snapshot was taken from (the store was replaced)';
  }
  return undefined;
}

function sameEvent(
  event: RecordedEvent | undefined,
  position: number,
  eventId: string,
  hash: string,
): boolean {
  return (
    event !== undefined &&
    event.position === position &&
    event.metadata.eventId === eventId &&
    event.metadata.hash === hash
  );
}

async function writeAtomically(file: string, header: Buffer, payload: Buffer): Promise<number> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      for (const buffer of [header, payload]) {
        for (let offset = 0; offset < buffer.length;) {
          offset += (await handle.write(buffer, offset, buffer.length - offset)).bytesWritten;
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // The rename itself survives a crash only once the directory is on disk.
  const dirHandle = await open(dir, 'r').catch(() => undefined);
  if (dirHandle)
    await dirHandle
      .sync()
      .catch(() => undefined)
      .finally(() => dirHandle.close());
  return header.length + payload.length;
}

/**
 * A hash of the application's code as built: every file of `apps/` and `libs/` in the tree the
 * process runs from (`dist/` when compiled, the sources otherwise) and `package-lock.json`. A new
 * build, a changed projection, helper or upcaster, or other dependencies give another value, and
 * so one full rebuild. The same for every entry point (API, worker, CLI), unlike the modules each
 * happens to load. Conservative on purpose: any change of code invalidates the snapshot, which
 * costs one cold start per deployment and can never keep a read model the new code would not build.
 */
export function buildFingerprint(
  extra: readonly string[] = [],
  main = require.main?.filename ?? join(process.cwd(), 'main'),
): string {
  const lock = findUp(dirname(main), 'package-lock.json');
  const root = lock ? dirname(lock) : dirname(main);
  const compiled = main.startsWith(join(root, 'dist') + sep);
  const files = ['apps', 'libs'].flatMap((dir) =>
    filesUnder(join(root, ...(compiled ? ['dist', dir] : [dir]))),
  );
  const hash = createHash('sha256');
  for (const file of lock ? [...files.sort(), lock] : files.sort()) {
    // Named relative to the project, so that the same build in another directory matches.
    hash
      .update(`${relative(root, file)}\n`)
      .update(readFileSync(file))
      .update('\n');
  }
  for (const line of extra) hash.update(`${line}\n`);
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return /\.(js|cjs|mjs|ts|tsx|json)$/.test(entry.name) && !/\.(spec|e2e-spec)\.ts$/.test(entry.name)
      ? [path]
      : [];
  });
}

function findUp(dir: string, name: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, name))) return join(at, name);
    if (dirname(at) === at) return undefined;
  }
}
