/** Unit, contract and slice tests live beside the code (`*.spec.ts`); cross-app e2e tests in test/. */
const paths = require('./tsconfig.json').compilerOptions.paths;
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(paths)) {
  moduleNameMapper[`^${alias.replace('/*', '/(.*)')}$`] = `<rootDir>/${target.replace('/*', '/$1')}`;
}
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  // The @nestjs/swagger plugin as in the build (scripts/build.js), so that /docs-json in tests is
  // production's document. The plugin needs the type checker: no isolated (per-file) transpiling.
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        diagnostics: false,
        tsconfig: { ...require('./tsconfig.json').compilerOptions, isolatedModules: false },
        astTransformers: {
          before: ['<rootDir>/scripts/jest-swagger-transformer.js'],
        },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // content-disposition 3 is an ES module, which Jest cannot require: see the file.
  moduleNameMapper: {
    ...moduleNameMapper,
    '^content-disposition$': '<rootDir>/test/support/content-disposition.cjs.js',
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // Most of the suite waits on I/O (HTTP, Redis, SQLite, Chromium), and every test file keeps its
  // own ports, Redis database or key prefix and data directory: two files at a time even on two
  // cores (jest's default there is one), more on a bigger machine.
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
