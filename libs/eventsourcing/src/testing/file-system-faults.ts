import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real file-system faults for store tests. The tests run as root, for whom chmod stops no
 * write; what does stop root is a read-only mount, an immutable file (chattr +i) and a full
 * file system, so these helpers make those: a small tmpfs of its own, mounted for the test.
 * Each returns why it cannot where the machine does not allow it (no CAP_SYS_ADMIN, no chattr
 * on this file system), and the test says so and is skipped.
 */
export type Unavailable = { unavailable: string };

export interface SmallFileSystem {
  dir: string;
  /** Fills every free byte with a filler file. */
  fill(): void;
  /** Deletes the filler again. */
  free(): void;
  unmount(): void;
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function why(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return stderr || (error as Error).message;
}

/** A tmpfs of `sizeKb` mounted on a fresh directory (as root only). */
export function mountSmallFileSystem(sizeKb: number): SmallFileSystem | Unavailable {
  const dir = mkdtempSync(join(tmpdir(), 'store-fault-fs-'));
  try {
    run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0777`, 'tmpfs', dir]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { unavailable: `cannot mount a tmpfs here (${why(error)})` };
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      // dd stops at ENOSPC with the file system full; its non-zero exit is the point.
      try {
        run('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k']);
      } catch {
        // expected: no space left on device
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    unmount() {
      try {
        run('umount', ['-l', dir]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Remounts a small file system read-only; it must hold no file open for writing. */
export function remountReadOnly(fs: SmallFileSystem): void {
  run('mount', ['-o', 'remount,ro', fs.dir]);
}

/**
 * Makes a file immutable (chattr +i): nobody, root included, may open it for writing. Returns
 * the undo, or why it is not possible on this file system.
 */
export function makeImmutable(file: string): (() => void) | Unavailable {
  try {
    run('chattr', ['+i', file]);
  } catch (error) {
    return { unavailable: `cannot make a file immutable here (${why(error)})` };
  }
  return () => run('chattr', ['-i', file]);
}

/** Overwrites a file with bytes that are no SQLite database. */
export function writeGarbage(file: string): void {
  writeFileSync(file, Buffer.from('this is not an SQLite database\n'.repeat(200)));
}

export function isUnavailable(value: unknown): value is Unavailable {
  return typeof value === 'object' && value !== null && 'unavailable' in value;
}
