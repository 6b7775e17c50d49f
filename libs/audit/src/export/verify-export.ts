import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { RecordedEvent } from '@app/eventsourcing';
import { eventHash, GENESIS_HASH } from '@app/eventsourcing/hash-chain';
import { merkleRoot } from '../integrity/merkle';
import {
  EXPORT_FORMAT,
  type ExportedStream,
  type ExportManifest,
  exportedHeads,
  type ExportTrailer,
  manifestPayload,
} from './manifest';
import { publicKeyInfo } from './signing-key';

export interface ExportVerification {
  ok: boolean;
  problems: string[];
  events: number;
  streams: number;
  keyId?: string;
  /** Whether the signing key was compared with one the caller obtained independently. */
  pinned: boolean;
}

const MAX_PROBLEMS = 100;

/**
 * Checks an export from its bytes alone: the signature over the manifest, the SHA-256 of the
 * event lines, every event's hash, every link between consecutive events of a stream, the ends
 * and counts of every stream, and the Merkle root. With `pinnedPublicKey` (PEM, base64 raw key
 * or hex key id), also that it was signed by that key and not by whoever last edited the file.
 */
export function verifyExport(
  content: Buffer,
  options: { pinnedPublicKey?: string } = {},
): ExportVerification {
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(text);
    else if (problems.length === MAX_PROBLEMS) problems.push('… further problems not listed');
  };
  const result = (events: number, streams: number, keyId?: string): ExportVerification => ({
    ok: problems.length === 0,
    problems,
    events,
    streams,
    ...(keyId ? { keyId } : {}),
    pinned: options.pinnedPublicKey !== undefined,
  });

  const end =
    content.length > 0 && content[content.length - 1] === 0x0a ? content.length - 1 : content.length;
  const trailerStart = content.lastIndexOf(0x0a, end - 1) + 1;
  let trailer: ExportTrailer;
  try {
    trailer = JSON.parse(content.subarray(trailerStart, end).toString('utf8')) as ExportTrailer;
    if (trailer?.manifest?.format !== EXPORT_FORMAT || typeof trailer.signature !== 'string')
      throw new Error();
  } catch {
    problem(`the last line is not a ${EXPORT_FORMAT} manifest`);
    return result(0, 0);
  }
  const { manifest } = trailer;
  const keyId = checkSignature(trailer, options.pinnedPublicKey, problem);

  const body = content.subarray(0, trailerStart);
  if (createHash('sha256').update(body).digest('hex') !== manifest.ndjsonSha256) {
    problem(
      'the event lines do not have the SHA-256 the manifest names (lines altered, added, removed or reordered)',
    );
  }
  const found = checkEvents(body, manifest, problem);
  if (found.events !== manifest.events)
    problem(`the manifest counts ${manifest.events} events, the file holds ${found.events}`);
  checkStreams(found.streams, manifest, problem);
  return result(found.events, found.streams.size, keyId);
}

function checkSignature(
  { manifest, signature }: ExportTrailer,
  pinned: string | undefined,
  problem: (text: string) => void,
): string | undefined {
  let key: KeyObject;
  try {
    key = createPublicKey(manifest.publicKey.publicKeyPem);
  } catch {
    problem('the manifest carries no readable Ed25519 public key');
    return undefined;
  }
  const info = publicKeyInfo(key);
  if (info.publicKey !== manifest.publicKey.publicKey || info.keyId !== manifest.publicKey.keyId) {
    problem('the manifest names a key id or raw key that does not belong to its public key');
  }
  if (!verify(null, Buffer.from(manifestPayload(manifest), 'utf8'), key, Buffer.from(signature, 'base64'))) {
    problem('the signature does not match the manifest (manifest altered or signed by another key)');
  }
  if (pinned !== undefined && !matchesPin(info, pinned)) {
    problem(`the export was signed by key ${info.keyId}, not by the pinned key`);
  }
  return info.keyId;
}

function matchesPin(info: ReturnType<typeof publicKeyInfo>, pinned: string): boolean {
  const text = pinned.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) return text.toLowerCase() === info.keyId;
  if (text.startsWith('-----BEGIN')) {
    try {
      return publicKeyInfo(createPublicKey(text)).keyId === info.keyId;
    } catch {
      return false;
    }
  }
  return text === info.publicKey;
}

interface FoundStream {
  firstRevision: number;
  lastRevision: number;
  events: number;
  firstPrevHash: string;
  headHash: string;
}

function checkEvents(body: Buffer, manifest: ExportManifest, problem: (text: string) => void) {
  const streams = new Map<string, FoundStream>();
  const lines = body.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let lastPosition = 0;
  lines.forEach((line, index) => {
    const at = `line ${index + 1}`;
    let event: RecordedEvent;
    try {
      event = JSON.parse(line) as RecordedEvent;
      if (typeof event.streamId !== 'string' || !Number.isInteger(event.revision) || !event.metadata) {
        throw new Error();
      }
    } catch {
      problem(`${at} is not a stored event`);
      return;
    }
    const where = `${at} (${event.streamId} revision ${event.revision})`;
    if (!(event.position > lastPosition)) problem(`${where}: position ${event.position} is out of order`);
    lastPosition = Math.max(lastPosition, event.position);
    const { hash, ...rest } = event.metadata;
    const recomputed = eventHash({ ...event, metadata: rest });
    if (recomputed !== hash)
      problem(`${where}: the hash does not match the event (payload or metadata altered)`);
    const stream = streams.get(event.streamId);
    if (!stream) {
      streams.set(event.streamId, {
        firstRevision: event.revision,
        lastRevision: event.revision,
        events: 1,
        firstPrevHash: event.metadata.prevHash,
        headHash: hash,
      });
      if (event.revision === 0 && event.metadata.prevHash !== GENESIS_HASH) {
        problem(`${where}: the first event of a stream must chain to the genesis hash`);
      }
      return;
    }
    if (event.revision !== stream.lastRevision + 1) {
      problem(`${where}: expected revision ${stream.lastRevision + 1} (an event is missing or moved)`);
    } else if (event.metadata.prevHash !== stream.headHash) {
      problem(`${where}: does not chain to revision ${stream.lastRevision}`);
    }
    stream.lastRevision = event.revision;
    stream.events++;
    stream.headHash = hash;
  });
  return { events: lines.length, streams };
}

function checkStreams(
  found: Map<string, FoundStream>,
  manifest: ExportManifest,
  problem: (text: string) => void,
): void {
  const listed = new Map<string, ExportedStream>(manifest.streamHeads.map((s) => [s.streamId, s]));
  if (manifest.streams !== listed.size)
    problem(`the manifest counts ${manifest.streams} streams but lists ${listed.size}`);
  for (const [streamId, s] of listed) {
    const f = found.get(streamId);
    if (!f) {
      problem(`stream ${streamId} is in the manifest but not in the file`);
      continue;
    }
    for (const field of ['firstRevision', 'lastRevision', 'events', 'firstPrevHash', 'headHash'] as const) {
      if (f[field] !== s[field])
        problem(`stream ${streamId}: ${field} is ${f[field]} in the file, ${s[field]} in the manifest`);
    }
  }
  for (const streamId of found.keys()) {
    if (!listed.has(streamId)) problem(`stream ${streamId} is in the file but not in the manifest`);
  }
  if (merkleRoot(exportedHeads(manifest.streamHeads)) !== manifest.merkleRoot) {
    problem('the Merkle root does not match the stream heads the manifest lists');
  }
}
