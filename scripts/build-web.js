// npm run build, last step: bundles the web workspace (apps/web, React + Vite) into dist/web,
// which the API serves at `/`. Part of the same build as the API, so `npm start` after
// `npm run demo` (or any build) serves it with no second step.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
try {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/web/vite.config.mts'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
} catch {
  // Vite has said what is wrong.
  process.exit(1);
}
