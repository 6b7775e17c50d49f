import { Worker } from 'node:worker_threads';

/**
 * How many pages the writing connection lets the WAL grow to before it checkpoints on its own
 * (SQLite's default is 1000, about 4 MB): only a fallback while the thread below does the work.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

/** Written JSON (data and metadata text) after which the thread is asked for a checkpoint. */
export const CHECKPOINT_AFTER_BYTES = 2 * 1024 * 1024;

/**
 * The thread's own code (plain JavaScript: it runs as it is, from the compiled API or a test).
 * It opens a second connection to the file and, when asked, copies the WAL's committed pages
 * into the database file (`wal_checkpoint(PASSIVE)`: it neither waits for nor blocks a writer
 * or a reader; what a reader still needs is left for the next time).
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  db.pragma('synchronous = FULL');
} catch (error) {
  parentPort.postMessage({ failed: String(error && error.message) });
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
    parentPort.postMessage({ error: String(error && error.code || error && error.message) });
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
 * commits runs the checkpoint whenever the WAL passes 1000 pages: it writes the pages into the
 * database file and fsyncs it inside that commit, on the event loop, which the API's requests and
 * a burst of deadline firings then wait for. The thread starts at the first request (a store that
 * writes little never starts one), asks for one checkpoint at a time, and is unref'd. If it
 * cannot run, the writing connection's own checkpoint (FALLBACK_AUTOCHECKPOINT_PAGES) still keeps
 * the WAL bounded.
 */
export class WalCheckpointer {
  private worker?: Worker;
  private inFlight = false;
  private closed = false;
  private exited?: Promise<void>;
  private readonly listeners = new Set<(result: CheckpointResult) => void>();
  /** Checkpoints the thread has run; for tests and /metrics-style reading. */
  completed = 0;
  /** Why the thread could not work (its file would not open, it died); requests then do nothing. */
  failure?: string;

  constructor(private readonly file: string) {}

  get started(): boolean {
    return this.worker !== undefined;
  }

  /** Asks for a checkpoint; one already running covers this request too. */
  request(): void {
    if (this.closed || this.failure !== undefined || this.inFlight) return;
    this.inFlight = true;
    (this.worker ??= this.start()).postMessage('checkpoint');
  }

  /** Resolves with the next checkpoint's result (tests). */
  next(): Promise<CheckpointResult> {
    return new Promise((resolve) => {
      const once = (result: CheckpointResult) => {
        this.listeners.delete(once);
        resolve(result);
      };
      this.listeners.add(once);
    });
  }

  private start(): Worker {
    const worker = new Worker(THREAD, {
      eval: true,
      workerData: { file: this.file, driver: require.resolve('better-sqlite3') },
    });
    worker.unref();
    worker.on('message', (message: { done?: CheckpointResult; error?: string; failed?: string }) => {
      this.inFlight = false;
      if (message.failed !== undefined) this.failure = message.failed;
      if (message.done) {
        this.completed++;
        for (const listener of [...this.listeners]) listener(message.done);
      }
      // An error (the disk full, say) is left to the next request: the fallback checkpoint and
      // the next commit report a lasting fault of the file to the store's callers.
    });
    worker.on('error', (error) => {
      this.failure = error.message;
      this.inFlight = false;
    });
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    return worker;
  }

  /** Ends the thread (it closes its connection first); safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    worker.postMessage('close');
    const timer = setTimeout(() => void worker.terminate(), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}
