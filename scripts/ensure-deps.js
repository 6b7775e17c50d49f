// Installs dependencies when node_modules is missing or older than package-lock.json, so that the
// README's commands work on a fresh clone. Uses only Node's own modules.
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');

const root = join(__dirname, '..');

function ensureDeps() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  process.stderr.write(
    'Installing dependencies (npm ci; better-sqlite3 compiles from source, about a minute)…\n',
  );
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

module.exports = { ensureDeps, root };
if (require.main === module) ensureDeps();
