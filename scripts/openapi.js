// node scripts/openapi.js [--write]: the OpenAPI contract's checks, run by `npm run lint`:
//  1. apps/api/src/openapi/response-schemas.json is what the routes' return types say;
//  2. the document the API serves at /docs-json (built with the swagger plugin, booted on the
//     memory store: no Redis needed) passes Redocly's recommended rules with 0 errors;
//  3. libs/api-client/src/schema.ts is what openapi-typescript generates from that document
//     (committed, so that a change of the contract shows in review and the typed client and the
//     e2e tests that use it type-check without a generation step; tsc then checks them).
// With --write, (re)writes the two generated files instead of checking them.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const write = process.argv.includes('--write');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args) => {
  try {
    execFileSync(command, args, { cwd: root, stdio: 'inherit' });
  } catch {
    // The command has said what is wrong.
    process.exit(1);
  }
};

run(process.execPath, [join(__dirname, 'response-schemas.js'), ...(write ? [] : ['--check'])]);

const dir = mkdtempSync(join(tmpdir(), 'kkz-openapi-'));
const document = join(dir, 'openapi.json');
run(process.execPath, [join(__dirname, 'run.js'), 'openapi', document]);
run(bin('redocly'), ['lint', document, '--config', join(root, 'redocly.yaml'), '--format', 'summary']);

const generated = join(dir, 'schema.ts');
run(bin('openapi-typescript'), [document, '--output', generated, '--silent']);
const target = join(root, 'libs/api-client/src/schema.ts');
const text = readFileSync(generated, 'utf8');
if (write) {
  writeFileSync(target, text);
} else {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // Not generated yet: reported below.
  }
  if (committed !== text) {
    process.stderr.write(
      `${relative(root, target)} is not what /docs-json says: run "npm run openapi" and commit it.\n`,
    );
    process.exit(1);
  }
}
