import type { sendUnaryData, ServerDuplexStream, ServerReadableStream } from '@grpc/grpc-js';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import * as shared from '@eventstore/db-client/generated/shared_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
} from '@eventstore/db-client/generated/streams_pb';
import type { CommitOutcome, Expectation, ProposedEvent } from './log';
import type { DoubleNode } from './node';
import { Code, maxAppendSizeExceeded, rpcStatus, streamIdentifier, streamNameOf, uuidOf } from './wire';

type Proposed = AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage;

function proposedEvent(message: Proposed): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    eventId: uuidOf(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

/** Event.SizeOnDisk: what counts against MaxAppendSize (1 MiB unless configured). */
function sizeOnDisk(event: ProposedEvent): number {
  return event.data.length + event.metadata.length + event.type.length * 2;
}

/**
 * Streams.Append (Streams.Append.cs): options first, then the proposed messages; the answer
 * is `success` (revision and position) or `wrong_expected_version` (current and expected
 * revision), a batch over MaxAppendSize fails the call. A follower forwards the write to the
 * leader unless the client requires the leader (ClusterVNodeController.HandleAsNonLeader).
 */
export function serveAppend(
  node: DoubleNode,
  call: ServerReadableStream<AppendReq, AppendResp>,
  callback: sendUnaryData<AppendResp>,
): void {
  const requiresLeader = call.metadata.get('requires-leader')[0] === 'true';
  let options: AppendReq.Options | undefined;
  const events: ProposedEvent[] = [];
  let size = 0;
  let failed = false;
  call.on('data', (request: AppendReq) => {
    if (request.hasOptions()) options = request.getOptions();
    const message = request.getProposedMessage();
    if (!message || failed) return;
    const event = proposedEvent(message);
    size += sizeOnDisk(event);
    events.push(event);
    if (size > node.maxAppendSize) {
      failed = true;
      callback(maxAppendSizeExceeded(node.maxAppendSize));
    }
  });
  call.on('end', () => {
    const streamId = streamNameOf(options?.getStreamIdentifier());
    node.calls.push({ method: 'append', requiresLeader, target: streamId, subscription: false });
    if (failed || !options) return;
    node.appendArrived();
    const refusal = node.refusal(requiresLeader);
    if (refusal) return callback(refusal);
    if (node.stallAppends) return node.hold(call);
    const expected = appendExpectation(options);
    const outcome = node.log.commit(streamId, expected, events);
    callback(null, appendResponse(outcome, expected));
  });
}

function appendExpectation(options: AppendReq.Options): Expectation {
  if (options.hasAny()) return 'any';
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return Number(options.getRevision());
}

function appendResponse(outcome: CommitOutcome, expected: Expectation): AppendResp {
  if (outcome.kind !== 'wrong-expected-version') {
    const position = new AppendResp.Position()
      .setCommitPosition(String(outcome.position))
      .setPreparePosition(String(outcome.position));
    return new AppendResp().setSuccess(
      new AppendResp.Success().setCurrentRevision(String(outcome.lastRevision)).setPosition(position),
    );
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === 'no_stream') wrong.setCurrentNoStream(new shared.Empty());
  else wrong.setCurrentRevision(String(outcome.currentRevision));
  if (expected === 'any') wrong.setExpectedAny(new shared.Empty());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new shared.Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new shared.Empty());
  else wrong.setExpectedRevision(String(expected));
  return new AppendResp().setWrongExpectedVersion(wrong);
}

interface PendingWrite {
  streamId: string;
  expected: Expectation;
  events: ProposedEvent[];
  size: number;
}

/**
 * Streams.BatchAppend (Streams.BatchAppend.cs): one long call carries many writes, each a
 * correlation id with options, proposed messages and `is_final`; each gets its own answer,
 * an error being a Google.Rpc.Status with a packed detail (Status.cs: WrongExpectedVersion as
 * ALREADY_EXISTS, MaximumAppendSizeExceeded as INVALID_ARGUMENT). A follower asked for the
 * leader ends the whole call with the leader's address (ConvertMessage throws LeaderInfo).
 */
export function serveBatchAppend(
  node: DoubleNode,
  call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>,
): void {
  const requiresLeader = call.metadata.get('requires-leader')[0] === 'true';
  const pending = new Map<string, PendingWrite>();
  call.on('data', (request: BatchAppendReq) => {
    const correlation = request.getCorrelationId();
    const id = uuidOf(correlation);
    const options = request.getOptions();
    if (options) {
      pending.set(id, {
        streamId: streamNameOf(options.getStreamIdentifier()),
        expected: batchExpectation(options),
        events: [],
        size: 0,
      });
    }
    const write = pending.get(id);
    if (!write) return;
    for (const message of request.getProposedMessagesList()) {
      const event = proposedEvent(message);
      write.size += sizeOnDisk(event);
      write.events.push(event);
    }
    const answer = new BatchAppendResp()
      .setCorrelationId(correlation)
      .setStreamIdentifier(streamIdentifier(write.streamId));
    if (write.size > node.maxAppendSize) {
      pending.delete(id);
      const detail = new shared.MaximumAppendSizeExceeded().setMaxappendsize(node.maxAppendSize);
      call.write(
        answer.setError(
          rpcStatus(
            Code.INVALID_ARGUMENT,
            'MaximumAppendSizeExceeded',
            detail,
            'event_store.client.MaximumAppendSizeExceeded',
          ),
        ),
      );
      return;
    }
    if (!request.getIsFinal()) return;
    pending.delete(id);
    node.calls.push({ method: 'batchAppend', requiresLeader, target: write.streamId, subscription: false });
    node.appendArrived();
    const refusal = node.refusal(requiresLeader);
    if (refusal) return void call.emit('error', refusal);
    if (node.stallAppends) return;
    const outcome = node.log.commit(write.streamId, write.expected, write.events);
    call.write(batchResponse(answer, outcome, write.expected));
  });
  call.on('end', () => call.end());
}

function batchExpectation(options: BatchAppendReq.Options): Expectation {
  if (options.hasAny()) return 'any';
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return Number(options.getStreamPosition());
}

function batchResponse(
  answer: BatchAppendResp,
  outcome: CommitOutcome,
  expected: Expectation,
): BatchAppendResp {
  if (outcome.kind !== 'wrong-expected-version') {
    const position = new shared.AllStreamPosition()
      .setCommitPosition(String(outcome.position))
      .setPreparePosition(String(outcome.position));
    return answer.setSuccess(
      new BatchAppendResp.Success().setCurrentRevision(String(outcome.lastRevision)).setPosition(position),
    );
  }
  // WrongExpectedVersion.Create in the server: the current revision, and what was expected.
  const detail = new shared.WrongExpectedVersion();
  if (outcome.currentRevision === 'no_stream') detail.setCurrentNoStream(new GoogleEmpty());
  else detail.setCurrentStreamRevision(String(outcome.currentRevision));
  if (expected === 'any') detail.setExpectedAny(new GoogleEmpty());
  else if (expected === 'no_stream') detail.setExpectedNoStream(new GoogleEmpty());
  else if (expected === 'stream_exists') detail.setExpectedStreamExists(new GoogleEmpty());
  else detail.setExpectedStreamPosition(String(expected));
  return answer.setError(
    rpcStatus(Code.ALREADY_EXISTS, 'WrongExpectedVersion', detail, 'event_store.client.WrongExpectedVersion'),
  );
}
