import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { HttpBenchOptions, HttpBenchResult } from './http-commands.bench';
import type { Cleanup } from './support/cleanup';
import { loadPeerCommands, scriptBeside, startPeer } from './support/peer-process';
import { makeTempDir } from './support/temp-dir';

/** Printed by bench/framework-ceiling/server.ts once it listens. */
const READY_LINE = 'CEILING listening on ';

/** The HTTP stacks measured: Node's own, and Nest on each of its two platforms. */
export const CEILING_STACKS = ['node-http', 'nest-express', 'nest-fastify'] as const;
export type CeilingStack = (typeof CEILING_STACKS)[number];

/**
 * The same load as benchHttpCommands (two commands per pair, 32 keep-alive connections, the same
 * bodies and tokens) against a server that answers them at once with nothing behind them: how
 * many commands per second the HTTP stack alone allows on this machine, beside the same load
 * generator. Our API runs on Nest with Fastify; the command path cannot be faster than that.
 */
export async function benchFrameworkCeiling(
  cleanup: Cleanup,
  stack: CeilingStack,
  options: HttpBenchOptions = {},
): Promise<HttpBenchResult> {
  const devSecret = randomBytes(32).toString('hex');
  const dir = makeTempDir(`ceiling-${stack}`, cleanup);
  const server = await startPeer(
    `the ${stack} ceiling`,
    scriptBeside(__filename, join(__dirname, 'framework-ceiling'), 'server'),
    { CEILING_STACK: stack },
    READY_LINE,
    dir,
    cleanup,
  );
  return loadPeerCommands(cleanup, server, devSecret, options);
}
