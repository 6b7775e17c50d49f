import { createHash } from 'node:crypto';
import { canonicalJson, type EventStore, readAllPages, type RecordedEvent } from '@app/eventsourcing';
import { type CheckpointReference, isCheckpoint, referenceOf } from '../integrity/checkpoint';
import { merkleRoot } from '../integrity/merkle';
import { StreamHeads } from '../integrity/stream-heads';
import { allOf, municipalityScope, programmeScope, type StreamScope } from '../scope/record-scope';
import { inRange, type TimeRange } from '../time-travel/as-of';
import {
  EXPORT_FORMAT,
  type ExportedStream,
  type ExportManifest,
  exportedHeads,
  type ExportRangeDescription,
  type ExportTrailer,
  manifestPayload,
} from './manifest';
import type { AuditSigningKey } from '../signing/audit-signing-key';

export interface ExportRequest {
  description: ExportRangeDescription;
  range: TimeRange;
  createdAt: string;
  createdBy: string;
}

export interface AuditExport {
  /** NDJSON: one stored event per line, then the signed manifest as the last line. */
  text: string;
  manifest: ExportManifest;
}

/** Where the lines go as they are made: a response, a file. May wait (backpressure). */
export type ExportSink = (chunk: string) => void | Promise<void>;

interface Span {
  first: number;
  last: number;
}

/**
 * Exports the events of a programme, a municipality and/or a time range exactly as stored, with
 * a signed manifest. A stream is exported as one gap-free run (from its first to its last event
 * in range) so that the verifier can check every link, not just every event.
 */
export async function buildExport(
  store: EventStore,
  request: ExportRequest,
  key: AuditSigningKey,
): Promise<AuditExport> {
  const chunks: string[] = [];
  const manifest = await writeExport(store, request, key, (chunk) => void chunks.push(chunk));
  return { text: chunks.join(''), manifest };
}

/**
 * The same, written out page by page, so that an export of the whole store never sits in memory.
 * An aborted `signal` stops it at the next page with the signal's reason.
 */
export async function writeExport(
  store: EventStore,
  request: ExportRequest,
  key: AuditSigningKey,
  sink: ExportSink,
  signal?: AbortSignal,
): Promise<ExportManifest> {
  const { description, range } = request;
  const until = await store.headPosition();
  const scopes: StreamScope[] = [];
  if (description.programmeId) scopes.push(programmeScope(description.programmeId));
  if (description.ags) scopes.push(municipalityScope(description.ags));
  const scope = scopes.length > 0 ? allOf(scopes) : undefined;
  const admitted = new Set<string>();
  const spans = new Map<string, Span>();
  const storeHeads = new StreamHeads();
  let latestCheckpoint: CheckpointReference | undefined;
  for await (const page of readAllPages(store, { until })) {
    signal?.throwIfAborted();
    for (const event of page) {
      storeHeads.apply(event);
      if (isCheckpoint(event) && event.data.sequence > (latestCheckpoint?.sequence ?? 0)) {
        latestCheckpoint = referenceOf(event.data);
      }
      if (!scope || scope.admit(event)) admitted.add(event.streamId);
      if (!inRange(range, event)) continue;
      const span = spans.get(event.streamId);
      if (span) span.last = event.revision;
      else spans.set(event.streamId, { first: event.revision, last: event.revision });
    }
  }

  const hash = createHash('sha256');
  let events = 0;
  const exported = new Map<string, ExportedStream>();
  const take = (event: RecordedEvent) => {
    const span = admitted.has(event.streamId) ? spans.get(event.streamId) : undefined;
    return span !== undefined && event.revision >= span.first && event.revision <= span.last;
  };
  for await (const page of readAllPages(store, { until })) {
    signal?.throwIfAborted();
    let chunk = '';
    for (const event of page) {
      if (!take(event)) continue;
      const line = `${canonicalJson(event)}\n`;
      hash.update(line, 'utf8');
      chunk += line;
      events++;
      const stream = exported.get(event.streamId);
      if (stream) {
        stream.lastRevision = event.revision;
        stream.events++;
        stream.headHash = event.metadata.hash;
      } else {
        exported.set(event.streamId, {
          streamId: event.streamId,
          firstRevision: event.revision,
          lastRevision: event.revision,
          events: 1,
          firstPrevHash: event.metadata.prevHash,
          headHash: event.metadata.hash,
        });
      }
    }
    if (chunk) await sink(chunk);
  }

  const streamHeads = [...exported.values()].sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    createdAt: request.createdAt,
    createdBy: request.createdBy,
    range: description,
    events,
    streams: streamHeads.length,
    ndjsonSha256: hash.digest('hex'),
    streamHeads,
    merkleRoot: merkleRoot(exportedHeads(streamHeads)),
    store: {
      headPosition: storeHeads.position,
      events: storeHeads.events,
      streams: storeHeads.streams,
      merkleRoot: storeHeads.root(),
      ...(latestCheckpoint ? { latestCheckpoint } : {}),
    },
    publicKey: key.info,
  };
  const trailer: ExportTrailer = { manifest, signature: key.sign(manifestPayload(manifest)) };
  await sink(`${canonicalJson(trailer)}\n`);
  return manifest;
}
