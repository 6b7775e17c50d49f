// Installs dependencies when node_modules is missing or older than package-lock.json, so that the
// README's commands work on a fresh clone. Uses only Node's own modules.
//
// The lock is complete (every platform's optional packages are recorded), so `npm ci` alone
// installs it; `npm ci` never writes package-lock.json. If it refuses, we stop with npm's own
// reason rather than fall back to anything that could rewrite the lock.
const { createHash } = require('node:crypto');
const { existsSync, lstatSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const lock = join(root, 'package-lock.json');
/** The SHA-256 of the lock that node_modules was installed from, written after each install. */
const stamp = join(root, 'node_modules', '.installed-lock.sha256');

function lockDigest() {
  return createHash('sha256').update(readFileSync(lock)).digest('hex');
}

/** What npm prints besides its reason: the error code and its fields, the log file's place. */
const NOT_THE_REASON =
  /^(code|errno|syscall) \S+$|complete log of this run|^Log files were not written|\.log$/i;

/** How many of the packages npm names as missing or invalid the sentence lists before "and N more". */
const DETAILS_NAMED = 5;
/** npm's line naming a package as missing from, or invalid in, the lock file. */
const PACKAGE_DETAIL = /^(Missing|Invalid):/;

/**
 * npm's own reason, in one sentence: the first sentence of its first error message, with the
 * packages it names as missing or invalid in brackets (the first five, and how many more), ending
 * with a full stop. Only npm's error lines count (not its warnings); a usage text after the
 * message is never reached.
 */
function npmReason(stderr) {
  const all = String(stderr ?? '').split('\n');
  const errors = all.filter((line) => /^npm (error|ERR!)/.test(line));
  const lines = (errors.length > 0 ? errors : all)
    .map((line) => line.replace(/^npm (error|ERR!)/, '').trim())
    .filter((line) => line && !NOT_THE_REASON.test(line));
  // npm may name a package twice (it does for a `file:` dependency, see its test): once is enough.
  const details = [
    ...new Set(lines.filter((line) => PACKAGE_DETAIL.test(line)).map((line) => line.replace(/[.\s]+$/, ''))),
  ];
  const message = lines.find((line) => !PACKAGE_DETAIL.test(line)) ?? 'npm gave no reason';
  const named = details.slice(0, DETAILS_NAMED);
  const more = details.length - named.length;
  const detail = named.length > 0 ? named.join('; ') + (more > 0 ? `; and ${more} more` : '') : undefined;
  return oneSentence(message, detail);
}

/** The first sentence of a message, without its closing mark, then the detail, then a full stop. */
function oneSentence(message, detail) {
  const first = (/^.*?[.!?](?=\s|$)/.exec(message)?.[0] ?? message).replace(/[.!?:;,\s]+$/, '');
  return detail ? `${first} (${detail}).` : `${first}.`;
}

function installLocked() {
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const reason = result.error ? oneSentence(result.error.message) : npmReason(result.stderr);
    process.stderr.write(`npm ci failed: ${reason}\n`);
    process.exit(result.status || 1);
  }
  if (result.stderr) process.stderr.write(result.stderr);
  writeFileSync(stamp, `${lockDigest()}\n`);
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
  // Installed from this very lock: nothing to do, however new the lock file's time (a checkout
  // or a second worktree gives an unchanged lock a new mtime).
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockDigest()) return;
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  process.stderr.write(
    'Installing dependencies with npm ci (better-sqlite3 compiles from source, about two minutes)…\n',
  );
  installLocked();
}

module.exports = { ensureDeps, installLocked, npmReason, root };
if (require.main === module) {
  if (process.argv[2] === '--always') {
    if (sharedInstall()) {
      process.stderr.write('node_modules is a link to another checkout: install there, not here\n');
      process.exit(1);
    }
    installLocked();
  } else ensureDeps();
}
