import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import * as shared from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { LogRecord } from './log';

/**
 * Messages and errors of the server's gRPC interface, built with the client's own generated
 * protobuf classes (`@eventstore/db-client/generated`), so that what the double sends is what
 * the client parses from a real server.
 */

/** `Position.FromInt64(-1, -1)`: the server's "no position" (the end of the log, 2^64 - 1). */
export const NO_POSITION = '18446744073709551615';

export function streamNameOf(identifier: shared.StreamIdentifier | undefined): string {
  return identifier ? Buffer.from(identifier.getStreamName_asU8()).toString('utf8') : '';
}

export function streamIdentifier(name: string): shared.StreamIdentifier {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

/** The client sends UUIDs as strings (`UUIDOption.string`); structured ones are read too. */
export function uuidOf(uuid: shared.UUID | undefined): string {
  if (!uuid) return '';
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured();
  if (!structured) return '';
  const bytes = Buffer.alloc(16);
  bytes.writeBigUInt64BE(BigInt.asUintN(64, BigInt(structured.getMostSignificantBits())), 0);
  bytes.writeBigUInt64BE(BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits())), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A record as `ReadResp.ReadEvent` (Streams.Read.cs, ConvertToReadEvent): its own commit and
 * prepare position, and the read event's commit position. A server that does not know where
 * an event was committed sends the "no position" value on the record and `no_position` on the
 * read event; `withPosition: false` answers that way.
 */
export function readEvent(record: LogRecord, withPosition: boolean): ReadResp {
  const position = withPosition ? String(record.position) : NO_POSITION;
  const event = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new shared.UUID().setString(record.eventId))
    .setStreamIdentifier(streamIdentifier(record.streamId))
    .setStreamRevision(String(record.revision))
    .setCommitPosition(position)
    .setPreparePosition(position)
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  event
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', String(record.created));
  const read = new ReadResp.ReadEvent().setEvent(event);
  if (withPosition) read.setCommitPosition(String(record.position));
  else read.setNoPosition(new shared.Empty());
  return new ReadResp().setEvent(read);
}

function serviceError(code: status, details: string, entries: Record<string, string> = {}): ServiceError {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(entries)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

/** RpcExceptions.LeaderInfo: a follower asked for the leader names it. */
export function notLeader(host: string, port: number): ServiceError {
  return serviceError(status.NOT_FOUND, 'Leader info available', {
    exception: 'not-leader',
    'leader-endpoint-host': host,
    'leader-endpoint-port': String(port),
  });
}

/** RpcExceptions.InvalidPositionException: a read of $all from no record's position. */
export function invalidPosition(): ServiceError {
  return serviceError(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.');
}

/** RpcExceptions.MaxAppendSizeExceeded (Streams.Append). */
export function maxAppendSizeExceeded(maxAppendSize: number): ServiceError {
  return serviceError(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  });
}

/**
 * RpcExceptions.Timeout as AllSubscription ends a live subscription whose client fell too far
 * behind (servers 22.x to 23.x).
 */
export function consumerTooSlow(): ServiceError {
  return serviceError(
    status.ABORTED,
    'Operation timed out: Consumer too slow to handle event while live. Client resubscription required.',
  );
}

export function unimplemented(what: string): ServiceError {
  return serviceError(status.UNIMPLEMENTED, `The EventStoreDB double does not implement ${what}`);
}

/** Google.Rpc.Status with a packed detail, as BatchAppend reports a failed write (Status.cs). */
export function rpcStatus(
  code: Code,
  message: string,
  detail: { serializeBinary(): Uint8Array },
  type: string,
): Status {
  const any = new Any();
  any.pack(detail.serializeBinary(), type);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}

export { Code };
