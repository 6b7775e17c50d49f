import { randomUUID } from 'node:crypto';
import type { ServerWritableStream, ServiceError } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { LogRecord } from './log';
import type { DoubleNode } from './node';
import { invalidPosition, readEvent, streamIdentifier, streamNameOf, unimplemented } from './wire';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
type Options = ReadReq.Options;

/**
 * Streams.Read as the server answers it (Streams.Read.cs and the enumerators of
 * Services/Transport/Enumerators): stream reads forwards and backwards from a revision, the
 * start or the end, with a count, answering `stream_not_found` for a stream without events;
 * reads of $all by position (forwards inclusive, backwards exclusive, only from a record's
 * position or the end); and subscriptions to $all: confirmation, catch-up after the checkpoint,
 * a checkpoint and `caught_up`, then live events as they are written.
 */
export function serveRead(node: DoubleNode, call: ReadCall): void {
  const options = call.request.getOptions();
  const requiresLeader = call.metadata.get('requires-leader')[0] === 'true';
  const target = options?.hasStream() ? streamNameOf(options.getStream()?.getStreamIdentifier()) : '$all';
  const subscription = options?.hasSubscription() ?? false;
  node.calls.push({ method: 'read', requiresLeader, target, subscription });
  if (!options) return fail(call, unimplemented('a read without options'));
  const refusal = node.refusal(requiresLeader);
  if (refusal) return fail(call, refusal);
  if (subscription) {
    if (!options.hasAll()) return fail(call, unimplemented('subscriptions to a single stream'));
    return subscribeToAll(node, call, options);
  }
  if (node.stallReads) return node.hold(call);
  try {
    const answer = options.hasAll() ? readAll(node, options) : readStream(node, options);
    for (const message of answer) call.write(message);
    call.end();
  } catch (error) {
    fail(call, error as ServiceError);
  }
}

function fail(call: ReadCall, error: ServiceError): void {
  call.emit('error', error);
}

function count(options: Options): number {
  const wanted = BigInt(options.getCount() || '0');
  return wanted > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(wanted);
}

/** ReadStreamForwards / ReadStreamBackwards: `stream_not_found` when the stream has no event. */
function readStream(node: DoubleNode, options: Options): ReadResp[] {
  const stream = options.getStream() as ReadReq.Options.StreamOptions;
  const name = streamNameOf(stream.getStreamIdentifier());
  const events = node.visible(node.log.stream(name));
  if (events.length === 0) {
    return [
      new ReadResp().setStreamNotFound(
        new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)),
      ),
    ];
  }
  const forwards = options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;
  const last = events.length - 1;
  const from = stream.hasStart()
    ? 0
    : stream.hasEnd()
      ? forwards
        ? last + 1
        : last
      : Number(stream.getRevision());
  const selected = forwards
    ? events.filter((e) => e.revision >= from)
    : events.filter((e) => e.revision <= from).reverse();
  return selected.slice(0, count(options)).map((e) => readEvent(e, node.positionsOnStreamReads));
}

/** ReadAllForwards (from a position, inclusive) / ReadAllBackwards (before a position). */
function readAll(node: DoubleNode, options: Options): ReadResp[] {
  const all = options.getAll() as ReadReq.Options.AllOptions;
  const records = node.visible(node.log.records);
  const forwards = options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;
  const end = node.visibleEnd();
  let from: number;
  if (all.hasStart()) from = 0;
  else if (all.hasEnd()) from = end;
  else {
    from = Number(all.getPosition()?.getCommitPosition() ?? '0');
    if (!node.log.isBoundary(from) && from !== end) throw invalidPosition();
  }
  const matches = filterOf(options);
  const selected = forwards
    ? records.filter((r) => r.position >= from)
    : records.filter((r) => r.position < from).reverse();
  return selected
    .filter(matches)
    .slice(0, count(options))
    .map((r) => readEvent(r, true));
}

/** FilterOptions: an event type or stream name, by regular expression or prefixes. */
function filterOf(options: Options): (record: LogRecord) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter() as ReadReq.Options.FilterOptions;
  const onType = filter.hasEventType();
  const expression = (
    onType ? filter.getEventType() : filter.getStreamIdentifier()
  ) as ReadReq.Options.FilterOptions.Expression;
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  return (record) => {
    const value = onType ? record.type : record.streamId;
    return regex ? regex.test(value) : prefixes.some((p) => value.startsWith(p));
  };
}

/**
 * Enumerator.AllSubscriptionFiltered: confirm, catch up after the checkpoint (exclusive; the
 * start, or the end for "only new events"), send a checkpoint and `caught_up`, then live events.
 * A position that is no record's fails the subscription as it fails a read.
 */
function subscribeToAll(node: DoubleNode, call: ReadCall, options: Options): void {
  const all = options.getAll() as ReadReq.Options.AllOptions;
  let after: number;
  if (all.hasStart()) after = -1;
  else if (all.hasEnd()) after = node.visibleEnd() - 1;
  else {
    after = Number(all.getPosition()?.getCommitPosition() ?? '0');
    if (!node.log.isBoundary(after)) return fail(call, invalidPosition());
  }
  const matches = filterOf(options);
  call.write(
    new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())),
  );
  const sendNew = () => {
    for (const record of node.visible(node.log.records)) {
      if (record.position <= after) continue;
      after = record.position;
      if (matches(record)) call.write(readEvent(record, true));
    }
  };
  sendNew();
  const checkpoint = String(Math.max(after, 0));
  call.write(
    new ReadResp().setCheckpoint(
      new ReadResp.Checkpoint().setCommitPosition(checkpoint).setPreparePosition(checkpoint),
    ),
  );
  call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
  node.serveLive(call, sendNew);
}
