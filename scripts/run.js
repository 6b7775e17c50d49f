// node scripts/run.js <target> [args…]: installs dependencies if needed, compiles if any source
// is newer than the build, then runs the target from dist/. Uses only Node's own modules.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { execSync, spawn } = require('node:child_process');
const { ensureDeps, root } = require('./ensure-deps');

const TARGETS = {
  demo: 'apps/demo/src/main.js',
  api: 'apps/api/src/main.js',
  worker: 'apps/worker/src/main.js',
  token: 'libs/identity/src/cli/token.js',
  bench: 'bench/run-benchmarks.js',
  'audit-verify': 'libs/audit/src/cli/verify.js',
  'audit-replay': 'libs/audit/src/cli/replay.js',
  openapi: 'apps/api/src/openapi/write-openapi.js',
};

// Targets that are plain JavaScript on Node's own modules: run from the source tree as they are,
// with no install and no build (the offline export verifier must work on an auditor's machine).
const STANDALONE = {
  'audit-verify-export': 'scripts/verify-export.js',
};

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|css|html)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
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
if (!TARGETS[target] && !STANDALONE[target]) {
  const names = [...Object.keys(TARGETS), ...Object.keys(STANDALONE)];
  process.stderr.write(`usage: node scripts/run.js <${names.join('|')}> [args…]\n`);
  process.exit(2);
}
let entry;
if (STANDALONE[target]) entry = [join(root, STANDALONE[target])];
else {
  ensureDeps();
  ensureBuilt();
  entry = ['--enable-source-maps', join(root, 'dist', TARGETS[target])];
}
// The child gets an IPC channel only so that it notices when this launcher is gone, however it
// went (see exitWithLauncher in libs/shared): no process outlives the command that started it.
const LONG_RUNNING = new Set(['api', 'worker', 'demo']);
const stdio = LONG_RUNNING.has(target) ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit';

// `npm start` on the embedded (SQLite) store: the API and the worker (deadlines, notifications,
// checkpoints) in two processes on the same file, so that the worker's followers never hold up a
// request on the API's one JavaScript thread. RUN_WORKER_IN_API=true keeps the worker inside the
// API; the memory store cannot be shared between processes, and with EventStoreDB the worker is
// deployed on its own (npm run worker), so both keep one process.
function workerBeside(target, env) {
  if (target !== 'api') return false;
  const runInApi = (env.RUN_WORKER_IN_API ?? '').trim().toLowerCase();
  if (runInApi === 'true') return false;
  const url = (env.EVENT_STORE_URL ?? '').trim();
  if (url === 'memory:' || /^(esdb|esdb\+discover|kdb|kurrentdb)(\+discover)?:/i.test(url)) return false;
  return (env.NODE_ENV ?? '').trim() !== 'test' || runInApi === 'false';
}

const children = [];
const split = workerBeside(target, process.env);
children.push(
  spawn(process.execPath, [...entry, ...args], {
    stdio,
    env: split ? { ...process.env, RUN_WORKER_IN_API: 'false' } : process.env,
  }),
);
if (split)
  children.push(
    spawn(process.execPath, ['--enable-source-maps', join(root, 'dist', TARGETS.worker)], { stdio }),
  );
for (const child of children)
  child.on('error', (error) => {
    process.stderr.write(`could not start ${target}: ${error.message}\n`);
    stop('SIGTERM');
    process.exitCode = 1;
  });
let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  // A child that ignores the signal is not allowed to linger once we are told to go.
  setTimeout(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, 15_000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// `npm start` runs us under `sh -c`; a SIGTERM to npm ends npm and the shell but never reaches
// us. When our parent goes away we are re-parented, and stop what we started.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 250).unref();
// One of the two gone (the API or the worker): the other is stopped too, and we leave with the
// first one's code once both have ended.
let firstCode;
let running = children.length;
for (const child of children)
  child.on('exit', (code, signal) => {
    firstCode ??= code ?? (signal ? 1 : 0);
    running--;
    if (running === 0) process.exit(firstCode);
    else stop('SIGTERM');
  });
