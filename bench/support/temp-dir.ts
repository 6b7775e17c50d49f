import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cleanup } from './cleanup';

/** A fresh directory per measurement, so no run reads another's database file or WAL. */
export function makeTempDir(label: string, cleanup: Cleanup): string {
  const dir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  cleanup.add(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
