import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Polls a server's log for the line it prints once it listens; fails at once if it exits, and
 * after `timeoutMs` if the line does not come, with the log's last lines either way.
 */
export async function waitForLine(
  what: string,
  child: ChildProcess,
  logFile: string,
  line: string,
  timeoutMs: number,
  tailLines = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${what} exited during start (code ${child.exitCode}):\n${logTail(logFile, tailLines)}`,
      );
    }
    if (readFileSync(logFile, 'utf8').includes(line)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not print "${line}" within ${timeoutMs} ms:\n${logTail(logFile, tailLines)}`);
}

/** SIGTERM lets a server close its store cleanly; SIGKILL if it has not ended after `timeoutMs`. */
export async function stopChild(child: ChildProcess, timeoutMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** The last lines of a log, for an error message. */
export function logTail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
