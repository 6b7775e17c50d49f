import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Estimated WAL pages written after which the thread is asked for a checkpoint: well before the
 * writing connection's own (WRITER_AUTOCHECKPOINT_PAGES), so that that one finds nearly all of the
 * WAL copied and only tops up the rest. It is still needed: only a checkpoint that finds the
 * whole WAL copied lets the next write start the WAL over from its beginning, and one running
 * beside continuous writes never does.
 */
export const CHECKPOINT_AFTER_PAGES = 250;

/**
 * The WAL pages a committed transaction writes, estimated: the table's last page and
 * `sqlite_sequence`; per event a leaf of each of the two unique indexes, which the events' ids
 * and stream names (random UUIDs) scatter over the whole index; and the events' JSON, which
 * fills further pages (4 KiB each, about half full after splits). Measured on a table of 110,000
 * events of 730 characters of JSON: 20 events in a commit wrote 60 pages, 200 wrote 537 (this
 * estimate: 50 and 474); a group of thousands shares index leaves and writes fewer (1,000 events:
 * 1,963 pages, estimated 2,359), which only asks for the thread's checkpoint a little early.
 */
export function estimatedWalPages(jsonChars: number, events: number): number {
  return 2 + 2 * events + Math.ceil(jsonChars / 2048);
}

/** Checkpoints that fail one after another before the thread is given up. */
const FAILURES_BEFORE_GIVING_UP = 3;
/** How long closing waits for the thread to end its checkpoint and close its connection. */
const CLOSE_WAIT_MS = 5000;

/**
 * The thread's own code (plain JavaScript: it runs as it is, from the compiled API or a test).
 * It opens a second connection to the file (only if the path still names the file the store
 * opened) and, when asked, copies the WAL's committed pages into the database file
 * (`wal_checkpoint(PASSIVE)`: it never waits for a writer or a reader, and leaves what a reader
 * still needs for the next time). With `synchronous = FULL` it fsyncs the WAL before copying and
 * the database file before it counts the pages as copied.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
let db;
try {
  const now = statSync(workerData.file);
  if (now.dev !== workerData.dev || now.ino !== workerData.ino)
    throw new Error('the path names another file than the one the store opened');
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  db.pragma('synchronous = FULL');
} catch (error) {
  parentPort.postMessage({ failed: String((error && error.message) || error) });
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    try { if (db) db.close(); } catch {}
    parentPort.close();
    return;
  }
  if (!db) return;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ done: result });
  } catch (error) {
    parentPort.postMessage({ error: String((error && (error.code || error.message)) || error) });
  }
});
`;

export interface CheckpointResult {
  /** 1 if another connection's checkpoint was running (this one then did nothing). */
  busy: number;
  /** Pages in the WAL, and of them copied into the database file. */
  log: number;
  checkpointed: number;
}

/**
 * Checkpoints an SQLite file in WAL mode on a thread of its own. Without it the connection that
 * commits runs the checkpoint whenever the WAL passes WRITER_AUTOCHECKPOINT_PAGES: it copies them
 * all into the database file and fsyncs it inside that commit, on the event loop, which the API's
 * requests and a burst of deadline firings then wait for. With it, that checkpoint finds most
 * pages copied already. The thread starts at the first request (a store that writes little never starts one)
 * and is asked for one checkpoint at a time. If it cannot run (its file would not open, it died,
 * its checkpoints keep failing), `failure` says why and requests do nothing from then on: the
 * writing connection's own checkpoints go on as without it.
 */
export class WalCheckpointer {
  private worker?: Worker;
  private inFlight = false;
  private closing = false;
  private exited?: Promise<void>;
  private failuresInARow = 0;
  private readonly waiting = new Set<{ resolve(r: CheckpointResult): void; reject(e: Error): void }>();
  private readonly identity: { dev: number; ino: number };
  /** Checkpoints the thread has run. */
  completed = 0;
  /** The last checkpoint's error, if it failed. */
  lastError?: string;
  /** Why the thread was given up; requests then do nothing. */
  failure?: string;

  /** `file` must exist: the thread opens only the file it names now. */
  constructor(private readonly file: string) {
    const { dev, ino } = statSync(file);
    this.identity = { dev, ino };
  }

  get started(): boolean {
    return this.worker !== undefined;
  }

  /** Asks for a checkpoint; one already running covers this request too. */
  request(): void {
    if (this.closing || this.failure !== undefined || this.inFlight) return;
    this.inFlight = true;
    (this.worker ??= this.start()).postMessage('checkpoint');
  }

  /** The next checkpoint's result; rejects if the thread is given up or closed first. */
  next(): Promise<CheckpointResult> {
    if (this.failure !== undefined) return Promise.reject(new Error(this.failure));
    if (this.closing) return Promise.reject(new Error('the checkpoint thread is closed'));
    return new Promise((resolve, reject) => this.waiting.add({ resolve, reject }));
  }

  private settleWaiting(outcome: { result: CheckpointResult } | { error: Error }): void {
    for (const waiter of this.waiting) {
      if ('result' in outcome) waiter.resolve(outcome.result);
      else waiter.reject(outcome.error);
    }
    this.waiting.clear();
  }

  private fail(reason: string): void {
    if (this.failure !== undefined || this.closing) return;
    this.failure = reason;
    this.inFlight = false;
    this.settleWaiting({ error: new Error(reason) });
    if (this.worker) void this.close();
  }

  private start(): Worker {
    const worker = new Worker(THREAD, {
      eval: true,
      workerData: { file: this.file, driver: require.resolve('better-sqlite3'), ...this.identity },
    });
    worker.unref();
    worker.on('message', (message: { done?: CheckpointResult; error?: string; failed?: string }) => {
      this.inFlight = false;
      if (message.failed !== undefined) return this.fail(message.failed);
      if (message.error !== undefined) {
        this.lastError = message.error;
        if (++this.failuresInARow >= FAILURES_BEFORE_GIVING_UP)
          this.fail(
            `${FAILURES_BEFORE_GIVING_UP} checkpoints failed in a row, the last with ${message.error}`,
          );
        return;
      }
      if (message.done) {
        this.failuresInARow = 0;
        this.lastError = undefined;
        this.completed++;
        this.settleWaiting({ result: message.done });
      }
    });
    worker.on('error', (error) => this.fail(error.message));
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    void this.exited.then(() => this.fail('the checkpoint thread ended'));
    return worker;
  }

  /**
   * Ends the thread (it closes its connection first) and takes no more requests; waits at most
   * CLOSE_WAIT_MS for a checkpoint in progress (a thread cannot be stopped inside SQLite), then
   * lets the caller go on: whichever connection closes last checkpoints what is left.
   */
  async close(): Promise<void> {
    const wasClosing = this.closing;
    this.closing = true;
    this.settleWaiting({ error: new Error('the checkpoint thread is closed') });
    const worker = this.worker;
    if (!worker || wasClosing) return;
    // Held until it has ended: an unref'd thread and timer alone would let a process with nothing
    // else to do (a CLI, the bench between two parts) end in the middle of this await.
    worker.ref();
    worker.postMessage('close');
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), CLOSE_WAIT_MS);
    });
    if ((await Promise.race([this.exited, gaveUp])) === 'late') worker.terminate().catch(() => undefined);
    clearTimeout(timer);
  }
}
