import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NewEvent, RecordedEvent } from '../event';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { sealEventsSerialized } from '../hash-chain';
import { assertValidStreamId } from '../stream-name';
import { planAppend, type StreamHead, type StoredEventRef } from './append-rules';
import { AppendSignal, catchUpSubscription, track } from './catch-up-subscription';
import { sharedPages } from './shared-pages';
import { filterStreamEvents } from './read-filters';
import { fileSystemFault, storeFault, translateSqliteError } from './sqlite-faults';
import { LOCK_WAIT_MS, openReadOnly, openWritable } from './sqlite-open';
import { CHECKPOINT_AFTER_PAGES, estimatedWalPages, WalCheckpointer } from './wal-checkpointer';
import { StoreUnavailableError } from '../errors';

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for events written by another process. */
  pollIntervalMs?: number;
  /** For readers that write nothing (audit:verify): a read-only file is fine, and appends are refused. */
  readOnly?: boolean;
  /**
   * Copy the WAL into the database file on a thread of its own (see WalCheckpointer), leaving
   * little for the checkpoint SQLite runs inside a commit. Default: on for a writable file.
   */
  checkpointThread?: boolean;
}

/**
 * The embedded default: one SQLite file in WAL mode with `synchronous=FULL`, so a resolved
 * append survives a crash or power loss. Several processes may open the same file; SQLite's
 * write lock serialises their appends and global positions stay gap-free in commit order.
 *
 * Appends that arrive while a commit is pending are grouped into one transaction (group commit):
 * one fsync serves many writers without weakening durability. Each append in a group is checked
 * on its own, so one writer's conflict never fails another's append.
 *
 * A file that cannot be opened for writing (read-only, damaged, not a database) fails the
 * constructor with StoreUnavailableError; a fault at run time (disk full, file system gone
 * read-only, I/O error, lock held too long) fails the operation with it, and `ping` reports it
 * until the cause is gone.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();
  /** The subscriptions' pages, read once for all of them that stand at the same position. */
  private readonly pages = sharedPages((after, maxCount) => this.readAll({ after, maxCount }));
  private readonly pollIntervalMs: number;
  private readonly readOnly: boolean;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  /** While another process holds the write lock: the next try, when the wait began, tries so far. */
  private lockRetry?: NodeJS.Timeout;
  private busySince?: number;
  private lockTries = 0;
  private closed = false;
  /** The last append that failed for a reason of the store's; cleared by a successful one. */
  private writeFault?: StoreUnavailableError;
  /** Checkpoints the WAL off the event loop; undefined for `:memory:`, read-only, or when turned off. */
  readonly checkpointer?: WalCheckpointer;
  /** WAL pages written since the last checkpoint was asked for (estimated), and the JSON and events of the group being committed. */
  private walPages = 0;
  private groupChars = 0;
  private groupEvents = 0;
  private readonly stmt: {
    head: Database.Statement<[string], { revision: number; hash: string | null }>;
    findEvent: Database.Statement<[string], StoredEventRef>;
    insert: Database.Statement<[string, number, string, string, string, string]>;
    readStream: Database.Statement<[string], EventRow>;
    readStreamRange: Database.Statement<[string, number, number], EventRow>;
    readAll: Database.Statement<[number, number], EventRow>;
    headPosition: Database.Statement<[], { position: number | null }>;
  };

  constructor(
    readonly file: string,
    options: SqliteEventStoreOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.readOnly = options.readOnly ?? false;
    this.db = this.readOnly ? openReadOnly(file) : openWritable(file);
    if (!this.readOnly && file !== ':memory:' && file !== '' && (options.checkpointThread ?? true)) {
      this.checkpointer = new WalCheckpointer(file);
    }
    this.stmt = {
      head: this.db.prepare(
        // SQLite reads the hash out of the JSON text: cheaper than parsing all of it in JavaScript.
        "SELECT revision, json_extract(metadata, '$.hash') AS hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1",
      ),
      findEvent: this.db.prepare(
        'SELECT stream_id AS streamId, revision, position FROM events WHERE event_id = ?',
      ),
      insert: this.db.prepare(
        'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      readStream: this.db.prepare(
        'SELECT position, stream_id, revision, type, data, metadata FROM events WHERE stream_id = ? ORDER BY revision',
      ),
      readStreamRange: this.db.prepare(
        'SELECT position, stream_id, revision, type, data, metadata FROM events WHERE stream_id = ? AND revision >= ? AND revision <= ? ORDER BY revision',
      ),
      readAll: this.db.prepare(
        'SELECT position, stream_id, revision, type, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      headPosition: this.db.prepare('SELECT MAX(position) AS position FROM events'),
    };
  }

  appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    try {
      assertValidStreamId(streamId);
      if (events.length === 0) throw new Error('appendToStream needs at least one event');
      if (this.closed) throw new Error('the event store is closed');
      if (this.readOnly) throw storeFault('read-only', this.file);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ streamId, events, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    this.lockRetry = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    // Waiting for another process's lock inside SQLite would put this whole process to sleep
    // (its busy handler sleeps in steps of up to 100 ms): the API would stop serving requests
    // while the worker commits. So the lock is tried without waiting, and while it is held the
    // appends wait here, asynchronously, joined by those that arrive meanwhile (one bigger group).
    // Closing waits inside SQLite as before: nothing comes after it.
    const outcomes = this.commitGroup(batch, this.closed);
    if (outcomes === 'busy') {
      this.busySince ??= Date.now();
      if (Date.now() - this.busySince < LOCK_WAIT_MS) {
        this.pending = batch.concat(this.pending);
        this.flushScheduled = true;
        const delay = Math.min(LOCK_RETRY_MAX_MS, 2 ** this.lockTries++);
        this.lockRetry = setTimeout(() => this.flush(), delay);
        return;
      }
    }
    this.busySince = undefined;
    this.lockTries = 0;
    const settled = outcomes === 'busy' ? batch.map(() => ({ error: busyError() })) : outcomes;
    batch.forEach((request, i) => {
      const outcome = settled[i];
      if ('result' in outcome) return request.resolve(outcome.result);
      const error = translateSqliteError(outcome.error, this.file, request.streamId);
      // A busy lock passes by itself; the other faults stay until the cause is gone.
      if (error instanceof StoreUnavailableError && error.reason !== 'busy') this.writeFault = error;
      request.reject(error);
    });
    if (settled.some((o) => 'written' in o && o.written)) {
      this.writeFault = undefined;
      this.signal.notify();
      this.walPages += estimatedWalPages(this.groupChars, this.groupEvents);
      if (this.checkpointer && this.walPages >= CHECKPOINT_AFTER_PAGES) {
        this.walPages = 0;
        this.checkpointer.request();
      }
    }
  }

  /**
   * One transaction for the whole group; if it fails for a reason that is not a single append's
   * own (disk full, a constraint we did not foresee), every append is retried on its own so that
   * only the faulty one fails. `'busy'`: another process holds the write lock (only when not
   * `waitForLock`); nothing was written.
   */
  private commitGroup(batch: PendingAppend[], waitForLock: boolean): Outcome[] | 'busy' {
    const recordedAt = new Date().toISOString();
    this.groupChars = 0;
    this.groupEvents = 0;
    if (!waitForLock) this.db.pragma('busy_timeout = 0');
    try {
      return this.db.transaction(() => batch.map((r) => this.tryAppend(r, recordedAt))).immediate();
    } catch (groupError) {
      if (isBusy(groupError)) return waitForLock ? batch.map(() => ({ error: groupError })) : 'busy';
      if (batch.length === 1) return [{ error: groupError }];
      return batch.map((request) => {
        try {
          return this.db.transaction(() => this.tryAppend(request, recordedAt)).immediate();
        } catch (error) {
          return { error };
        }
      });
    } finally {
      if (!waitForLock) this.db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
    }
  }

  /** Checks and writes one append inside the open transaction; rule violations become outcomes. */
  private tryAppend(request: PendingAppend, recordedAt: string): Outcome {
    let plan;
    try {
      const headRow = this.stmt.head.get(request.streamId);
      const head: StreamHead | undefined = headRow
        ? // A head without a hash chains on as it always did: from `undefined`, not from null.
          { revision: headRow.revision, hash: headRow.hash ?? (undefined as unknown as string) }
        : undefined;
      plan = planAppend(request.streamId, request.events, request.expected, head, (id) =>
        this.stmt.findEvent.get(id),
      );
    } catch (error) {
      return { error };
    }
    if (plan.kind === 'already-appended') return { result: plan.result, written: false };
    const sealed = sealEventsSerialized(
      request.streamId,
      plan.firstRevision,
      plan.prevHash,
      request.events,
      recordedAt,
    );
    let position = 0;
    sealed.forEach((event, index) => {
      const info = this.stmt.insert.run(
        request.streamId,
        plan.firstRevision + index,
        event.eventId,
        event.type,
        event.dataJson,
        event.metadataJson,
      );
      position = Number(info.lastInsertRowid);
      this.groupChars += event.dataJson.length + event.metadataJson.length;
      this.groupEvents++;
    });
    return {
      result: { nextExpectedRevision: plan.firstRevision + sealed.length - 1, position },
      written: true,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamId(streamId);
    return this.reading(() => this.readStreamRows(streamId, options));
  }

  private readStreamRows(streamId: string, options: ReadStreamOptions): RecordedEvent[] {
    const rows =
      options.toRevision === undefined && options.fromRevision === undefined
        ? this.stmt.readStream.all(streamId)
        : this.stmt.readStreamRange.all(
            streamId,
            options.fromRevision ?? 0,
            options.toRevision ?? Number.MAX_SAFE_INTEGER,
          );
    return filterStreamEvents(rows.map(toRecordedEvent), { toRecordedAt: options.toRecordedAt });
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? -1;
    return this.reading(() => this.stmt.readAll.all(options.after ?? 0, limit).map(toRecordedEvent));
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    const subscription = catchUpSubscription(
      {
        readPage: this.pages,
        signal: this.signal,
        pollIntervalMs: this.pollIntervalMs,
      },
      options.after ?? 0,
      handler,
    );
    return track(this.subscriptions, subscription);
  }

  async headPosition(): Promise<number> {
    return this.reading(() => this.stmt.headPosition.get()?.position ?? 0);
  }

  /**
   * Whether the store can take a write now: the file reads, the file system lets it be written
   * and has room, and the last failed write's cause (if any) has gone. A read-only mount or a
   * full disk shows here before a write fails on it.
   */
  async ping(): Promise<void> {
    await this.headPosition();
    if (this.readOnly) return;
    const fault = fileSystemFault(this.file);
    if (fault) throw storeFault(fault, this.file);
    // Room again, or writable again: what failed the last write is gone. Other faults (an
    // I/O error, damage) are reported until a write succeeds.
    if (this.writeFault?.reason === 'disk-full' || this.writeFault?.reason === 'read-only') {
      this.writeFault = undefined;
    }
    if (this.writeFault) throw this.writeFault;
  }

  /** Runs a read, reporting a fault of the store as the port does. */
  private reading<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw translateSqliteError(error, this.file);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Takes no more requests from here (the last flush below asks for none).
    const checkpointsEnded = this.checkpointer?.close();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    clearTimeout(this.lockRetry);
    if (this.pending.length > 0) this.flush();
    // The thread's connection first: the last one to close checkpoints what is left and removes the WAL.
    await checkpointsEnded;
    this.db.close();
  }
}

type Outcome = { result: AppendResult; written: boolean } | { error: unknown };

/** The longest pause between two tries of a held lock (1, 2, 4, then every 4 ms). */
const LOCK_RETRY_MAX_MS = 4;

function busyError(): Error {
  return Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
}

function isBusy(error: unknown): boolean {
  return String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
  };
}
