/** Exit codes shared by the audit commands. */
export const EXIT = { ok: 0, mismatch: 1, failure: 2 } as const;

export type Output = (text: string) => void;
export const stdout: Output = (text) => process.stdout.write(`${text}\n`);
export const stderr: Output = (text) => process.stderr.write(`${text}\n`);

/** Runs a command's main and exits with its code; a crash is exit 2 with one readable line. */
export function runCli(name: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2))
    .catch((error: unknown) => {
      // A ConfigError already reads as a list of what to fix (matched by name rather than imported).
      const message = (error as Error).message ?? String(error);
      stderr((error as Error).name === 'ConfigError' ? message : `${name}: ${message}`);
      return EXIT.failure;
    })
    .then((code) => {
      // Open handles (a Redis client retrying, a store subscription) must not keep a finished command alive.
      process.stdout.write('', () => process.exit(code));
    });
}
