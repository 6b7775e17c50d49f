import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { HttpBenchOptions, HttpBenchResult } from './http-commands.bench';
import type { Cleanup } from './support/cleanup';
import { loadPeerCommands, scriptBeside, startPeer } from './support/peer-process';
import { makeTempDir } from './support/temp-dir';

/** Printed by bench/emmett/peer.ts once it listens (kept here so the bench never loads the peer). */
const PEER_READY_LINE = 'EMMETT PEER listening on ';

/**
 * The same two commands, the same 32 keep-alive connections and the same load generator as
 * benchHttpCommands, against Emmett on its own SQLite event store (bench/emmett/peer.ts), started
 * as its own process like our API. What either does per command: bench/emmett/README.md.
 */
export async function benchEmmettCommands(
  cleanup: Cleanup,
  options: HttpBenchOptions = {},
): Promise<HttpBenchResult> {
  const devSecret = randomBytes(32).toString('hex');
  const dir = makeTempDir('emmett', cleanup);
  const peer = await startPeer(
    'the Emmett peer',
    scriptBeside(__filename, join(__dirname, 'emmett'), 'peer'),
    { EMMETT_DB: join(dir, 'emmett.sqlite'), AUTH_DEV_SECRET: devSecret },
    PEER_READY_LINE,
    dir,
    cleanup,
  );
  return loadPeerCommands(cleanup, peer, devSecret, options);
}
