// node scripts/run.js <target> [args…]: installs dependencies if needed, compiles if any source
// is newer than the build, then runs the target from dist/. Uses only Node's own modules.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { execSync, spawn } = require('node:child_process');
const { ensureDeps, root } = require('./ensure-deps');

const TARGETS = {
  api: 'apps/api/src/main.js',
  worker: 'apps/worker/src/main.js',
  token: 'libs/identity/src/cli/token.js',
  bench: 'bench/run-benchmarks.js',
  'audit-verify': 'libs/audit/src/cli/verify.js',
  'audit-replay': 'libs/audit/src/cli/replay.js',
  'audit-verify-export': 'libs/audit/src/cli/verify-export.js',
};

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const stamp = join(root, 'dist', '.built');
  const sources = Math.max(
    ...['apps', 'libs', 'bench', 'scripts']
      .filter((d) => existsSync(join(root, d)))
      .map((d) => newestSource(join(root, d))),
    statSync(join(root, 'package-lock.json')).mtimeMs,
  );
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  process.stderr.write('Compiling TypeScript…\n');
  execSync('npm run --silent build', { cwd: root, stdio: 'inherit' });
}

const [target, ...args] = process.argv.slice(2);
if (!TARGETS[target]) {
  process.stderr.write(`usage: node scripts/run.js <${Object.keys(TARGETS).join('|')}> [args…]\n`);
  process.exit(2);
}
ensureDeps();
ensureBuilt();
const child = spawn(
  process.execPath,
  ['--enable-source-maps', join(root, 'dist', TARGETS[target]), ...args],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
