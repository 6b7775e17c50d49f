// Installs dependencies when node_modules is missing or older than package-lock.json, so that the
// README's commands work on a fresh clone. Uses only Node's own modules.
//
// The lock is complete (every platform's optional packages are recorded), so `npm ci` alone
// installs it; `npm ci` never writes package-lock.json. If it refuses, we stop with npm's own
// reason rather than fall back to anything that could rewrite the lock.
const { existsSync, lstatSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');

/** npm's own reason, in one line: its first message, with the first package it names. */
function npmReason(stderr) {
  const lines = String(stderr ?? '')
    .split('\n')
    .map((line) => line.replace(/^npm (error|ERR!)\s*/, '').trim())
    .filter((line) => line && !/^code \w+$|complete log of this run|\.log$/i.test(line));
  const detail = lines.find((line) => /^(Missing|Invalid):/.test(line));
  const first = lines[0] ?? 'npm gave no reason';
  return detail && detail !== first ? `${first} (${detail})` : first;
}

function installLocked() {
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const reason = result.error ? result.error.message : npmReason(result.stderr);
    process.stderr.write(`npm ci failed: ${reason}\n`);
    process.exit(result.status || 1);
  }
  if (result.stderr) process.stderr.write(result.stderr);
}

/**
 * A node_modules that is a symbolic link (a git worktree sharing another checkout's install) is
 * never installed into: `npm ci` empties the directory the link points to before installing, so
 * it would wipe the other checkout's dependencies while its processes use them.
 */
function sharedInstall() {
  try {
    return lstatSync(join(root, 'node_modules')).isSymbolicLink();
  } catch {
    return false;
  }
}

function ensureDeps() {
  if (sharedInstall()) return;
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  process.stderr.write(
    'Installing dependencies with npm ci (better-sqlite3 compiles from source, about two minutes)…\n',
  );
  installLocked();
}

module.exports = { ensureDeps, installLocked, root };
if (require.main === module) {
  if (process.argv[2] === '--always') {
    if (sharedInstall()) {
      process.stderr.write('node_modules is a link to another checkout: install there, not here\n');
      process.exit(1);
    }
    installLocked();
  } else ensureDeps();
}
