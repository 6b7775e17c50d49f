import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root, found by walking up to package.json, so the bench works from dist/bench
 * (how `npm run bench` runs it) without hard-coding how deep the compiled file sits.
 */
function findRepoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bench: cannot find the repository root (package.json)');
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot();
/** The compiled API the HTTP bench starts; `npm run bench` has built it just before. */
export const apiMain = join(repoRoot, 'dist', 'apps', 'api', 'src', 'main.js');
/** The compiled worker, started beside the API for a profiled default start. */
export const workerMain = join(repoRoot, 'dist', 'apps', 'worker', 'src', 'main.js');
/** Preloaded into a profiled API child, see exit-on-sigterm.ts. */
export const exitOnSigtermPreload = join(__dirname, 'exit-on-sigterm.js');
export const municipalitiesCsv = join(repoRoot, 'reference-data', 'nrw-municipalities.csv');
export const resultsFile = join(repoRoot, 'bench', 'results', 'latest.json');
/** Runs with a BENCH_* experiment setting go here, so they never replace the figures of record. */
export const experimentResultsFile = join(repoRoot, 'bench', 'results', 'experiment.json');
