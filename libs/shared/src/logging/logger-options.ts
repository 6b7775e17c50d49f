import pino, { type DestinationStream, type LoggerOptions } from 'pino';

/**
 * The log format every process of this system shares (API, worker, demo): one JSON object per
 * line, with ISO-8601 times (`"time":"2011-11-09T09:00:00.000Z"`) so that a person can read a
 * line and a shipper needs no epoch conversion. The API and worker modules spread these into
 * their pino-http options and add their own (request serializers, redaction) beside them.
 */
export function baseLoggerOptions(level: string): LoggerOptions {
  return { level, timestamp: pino.stdTimeFunctions.isoTime };
}

/** Where a process writes its log: stdout, or stderr where stdout is a person's output (the demo). */
export type LogDestination = 'stdout' | 'stderr';

export function logDestination(to: LogDestination = 'stdout'): DestinationStream {
  return pino.destination({ fd: to === 'stderr' ? 2 : 1, sync: true });
}

/**
 * A logger outside Nest, in the same format: for lines a process writes before or after its
 * modules run (the "listening" banner).
 */
export function processLogger(level: string, to: LogDestination = 'stdout'): pino.Logger {
  return pino(baseLoggerOptions(level), logDestination(to));
}

/** A process's "where I listen" line is shown at any level but "silent": it is the one line an operator needs. */
export function bannerLevel(level: string): string {
  return level === 'silent' ? 'silent' : 'info';
}
