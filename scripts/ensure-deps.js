// Installs dependencies when node_modules is missing or older than package-lock.json, so that the
// README's commands work on a fresh clone. Uses only Node's own modules.
const { existsSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');

const root = join(__dirname, '..');

/**
 * `npm ci`, or, where a registry lacks some other platform's optional binaries (so npm cannot
 * record them and `npm ci` refuses the lock), `npm install`, which installs the same locked
 * versions. The lock must come out unchanged either way.
 */
function installLocked() {
  const lockFile = join(root, 'package-lock.json');
  const before = readFileSync(lockFile, 'utf8');
  try {
    execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
  } catch (error) {
    const reason = String(error.stderr ?? '')
      .split('\n')
      .find((line) => /Missing:/.test(line));
    process.stderr.write(
      `npm ci refused the lock (${reason ? reason.replace(/^npm error\s*/, '') : 'see the npm log'}); ` +
        'installing the locked versions with npm install.\n',
    );
    execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  }
  if (readFileSync(lockFile, 'utf8') !== before) {
    throw new Error('installing changed package-lock.json: the lock does not match package.json');
  }
}

function ensureDeps() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  process.stderr.write('Installing dependencies (better-sqlite3 compiles from source, about a minute)…\n');
  installLocked();
}

module.exports = { ensureDeps, installLocked, root };
if (require.main === module) {
  if (process.argv[2] === '--always') installLocked();
  else ensureDeps();
}
