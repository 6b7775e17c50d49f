// npm run build: compiles apps/ and libs/ with the TypeScript compiler API, running the
// @nestjs/swagger plugin as a `before` transformer (plain `tsc` cannot load plugins), so that the
// OpenAPI document is built from the DTOs' and views' types and the JSDoc of routes and fields.
// The same plugin runs in Jest (jest.config.js), so /docs-json in tests equals production's.
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');
const { swaggerTransformers } = require('./swagger-plugin-options');

const root = join(__dirname, '..');
const configFile = join(root, 'tsconfig.build.json');
const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile);
rmSync(join(root, 'dist'), { recursive: true, force: true });
const program = ts.createProgram(parsed.fileNames, parsed.options);
const result = program.emit(undefined, undefined, undefined, false, {
  before: swaggerTransformers(program),
});
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
if (diagnostics.length > 0) {
  process.stderr.write(
    ts.formatDiagnosticsWithColorAndContext(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    }),
  );
  process.exit(1);
}
