import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** The bounded contexts: other code imports a context only through `@app/<context>`. */
const CONTEXTS = [
  'programmes-calls',
  'applications',
  'council-resolutions',
  'selection',
  'grants',
  'reporting',
  'evaluation',
  'deadlines',
  'notifications',
  'audit',
  'identity',
  'documents',
];

const isDecider = (file) => /\.decide\.ts$|-decider\.ts$/.test(file);

function sourcesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** A relative or `@app/<lib>/<path>` import as a file of libs/, or undefined (a package, a barrel). */
function resolveImport(from, specifier) {
  let base;
  if (specifier.startsWith('.')) base = join(dirname(from), specifier);
  else {
    const match = /^@app\/([^/]+)\/(.+)$/.exec(specifier);
    if (!match) return undefined;
    base = join(ROOT, 'libs', match[1], 'src', match[2]);
  }
  return [`${base}.ts`, join(base, 'index.ts')].find((file) => existsSync(file));
}

/**
 * The pure modules: every decider and every module a decider imports at run time, transitively
 * (`import type` is erased and loads nothing). Worked out from the sources, so a helper a
 * decider starts to use is held to the deciders' rule without anyone listing it.
 */
function pureModules() {
  const pending = sourcesUnder(join(ROOT, 'libs')).filter(isDecider);
  const pure = new Set();
  while (pending.length > 0) {
    const file = pending.pop();
    if (pure.has(file)) continue;
    pure.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, typeOnly, specifier] of source.matchAll(
      /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm,
    )) {
      const target = !typeOnly && resolveImport(file, specifier);
      if (target) pending.push(target);
    }
  }
  return [...pure].map((file) => relative(ROOT, file));
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'jest.config.js',
      'libs/api-client/src/schema.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { project: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Deciders and the helpers they use are pure: no Nest, no I/O, and no context's barrel,
    // which carries the Nest module and the loaders that read the store (types may come from it).
    files: ['libs/**/*.decide.ts', 'libs/**/*-decider.ts', ...pureModules()],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'node:fs', 'fs', 'better-sqlite3', 'ioredis', 'bullmq', '@eventstore/*'],
              message: 'Deciders and the helpers they use are pure: no Nest, no I/O.',
            },
            {
              regex: `^@app/(${CONTEXTS.join('|')})$`,
              allowTypeImports: true,
              message:
                "Pure code imports a context's pure entry point (e.g. @app/programmes-calls/rules), not its barrel.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.js', 'test/support/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
