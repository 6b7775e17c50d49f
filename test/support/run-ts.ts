import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point of this repository in a child node, as `npm run` would, uncompiled. */
export function runTs(script: string, args: string[], env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', join(root, 'test/support/register-ts.js'), join(root, script), ...args],
      { cwd: root, env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs a plain JavaScript file with nothing but node: no TS loader, no preloaded modules. */
export function runNode(
  script: string,
  args: string[],
  env: Record<string, string>,
  cwd = root,
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script.startsWith('/') ? script : join(root, script), ...args],
      { cwd, env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
