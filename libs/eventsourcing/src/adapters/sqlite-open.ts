import Database from 'better-sqlite3';
import { openFault } from './sqlite-faults';

/** How long a connection waits for another process's write lock before it fails as busy. */
export const LOCK_WAIT_MS = 5000;

/**
 * WAL pages after which the writing connection checkpoints inside its commit (SQLite's default:
 * 1000). Fewer, larger checkpoints copy a page written many times over once; in a burst of
 * 10,000 deadline firings the commits spent about 160 ms less on them with 4000 than with 1000,
 * and with the checkpoint thread (wal-checkpointer.ts) beside it about 300 ms less. The WAL file
 * then grows to about 16 MB before it starts over.
 */
export const WRITER_AUTOCHECKPOINT_PAGES = 4000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  UNIQUE (stream_id, revision),
  UNIQUE (event_id)
);`;

/**
 * Opens the file for reading and writing, or fails with one sentence saying why. SQLite opens a
 * file it may not write read-only without a word (and a write lock is still granted then), so a
 * statement that would write, but changes no row, is run once and rolled back to find out.
 */
export function openWritable(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    // Another process (the worker) may hold the write lock for a commit; wait for it, not forever.
    db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -65536');
    db.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`);
    db.exec(SCHEMA);
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec('UPDATE events SET position = position WHERE 0');
    } finally {
      db.exec('ROLLBACK');
    }
    return db;
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Closing a connection that never opened properly: nothing to keep.
    }
    throw openFault(error, file);
  }
}

/** Opens an existing store only to read it; a file that is not a readable store fails at once. */
export function openReadOnly(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
    db.prepare('SELECT MAX(position) FROM events').get();
    return db;
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Closing a connection that never opened properly: nothing to keep.
    }
    throw openFault(error, file, 'reading');
  }
}
