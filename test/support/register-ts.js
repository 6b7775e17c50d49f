// Lets a plain `node` child process load this project's TypeScript (for multi-process tests):
// transpiles .ts on require and resolves the @app/* path aliases of tsconfig.json.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');

const root = join(__dirname, '..', '..');
const paths = require(join(root, 'tsconfig.json')).compilerOptions.paths;
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [alias, [target]] of Object.entries(paths)) {
    const prefix = alias.replace('/*', '/');
    if (alias.endsWith('/*') ? request.startsWith(prefix) : request === alias) {
      const mapped = alias.endsWith('/*') ? target.replace('*', request.slice(prefix.length)) : target;
      return originalResolve.call(this, join(root, mapped), ...rest);
    }
  }
  return originalResolve.call(this, request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
