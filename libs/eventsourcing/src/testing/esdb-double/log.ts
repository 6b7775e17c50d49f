import { randomUUID } from 'node:crypto';

/**
 * The transaction log of the EventStoreDB double: one ordered list of records, shared by the
 * nodes of a double cluster (as replication makes it on a real one). Plain data, no gRPC.
 */

export interface LogRecord {
  streamId: string;
  /** Revision within its stream (the server's event number). */
  revision: number;
  eventId: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
  /** Ticks (100 ns) since the Unix epoch, as the server's `created` metadata. */
  created: bigint;
  /**
   * Byte offset of the record in the log: commit and prepare position of an event committed
   * by itself, which every gRPC append is. Positions are offsets, not a count: the next record
   * starts after this one's bytes, so most numbers are no record's position.
   */
  position: number;
}

export interface ProposedEvent {
  eventId: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

/** The server's ExpectedVersion constants (Any -2, NoStream -1, StreamExists -4) or a revision. */
export type Expectation = 'any' | 'no_stream' | 'stream_exists' | number;

export type CommitOutcome =
  | { kind: 'written'; lastRevision: number; position: number }
  | { kind: 'idempotent'; lastRevision: number; position: number }
  | { kind: 'wrong-expected-version'; currentRevision: number | 'no_stream' };

/** Records of the log's own, before any client writes: the server writes these at start. */
const SYSTEM_RECORDS: Pick<LogRecord, 'streamId' | 'type'>[] = [
  { streamId: '$epoch-information', type: '$epoch-information' },
  { streamId: '$settings', type: '$settings' },
];

/** A record header's share of the log, besides its type, data and metadata bytes. */
const RECORD_OVERHEAD = 96;

export class DoubleLog {
  readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  private readonly byEventId = new Map<string, LogRecord>();
  private readonly listeners = new Set<() => void>();
  /** Where the next record will start; also a valid position to read from (the end). */
  end = 0;

  constructor() {
    for (const record of SYSTEM_RECORDS) {
      this.write(record.streamId, {
        eventId: randomUUID(),
        type: record.type,
        contentType: 'application/json',
        data: Buffer.from('{}'),
        metadata: new Uint8Array(),
      });
    }
  }

  stream(streamId: string): readonly LogRecord[] {
    return this.streams.get(streamId) ?? [];
  }

  /** Whether `position` starts a record, or is the end: the only places a read may start. */
  isBoundary(position: number): boolean {
    return position === this.end || this.records.some((r) => r.position === position);
  }

  /** Tells every listener (live subscriptions) that the log grew. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The server's commit check (IndexWriter.CheckCommit): an expectation that holds writes; a
   * batch whose event ids are already stored where the expectation puts them is answered as
   * written, without writing (idempotent); anything else is WrongExpectedVersion. With `any`
   * or `stream_exists` the ids are looked up wherever they are in the stream (the server keeps
   * a bounded cache of recent event ids for this; the double remembers them all).
   */
  commit(streamId: string, expected: Expectation, events: ProposedEvent[]): CommitOutcome {
    const stream = this.stream(streamId);
    const current = stream.length - 1;
    const wrong = (): CommitOutcome => ({
      kind: 'wrong-expected-version',
      currentRevision: current < 0 ? 'no_stream' : current,
    });
    if (expected === 'stream_exists' && current < 0) return wrong();
    if (expected === 'any' || expected === 'stream_exists') {
      const found = events.map((e) => this.byEventId.get(e.eventId));
      if (found[0] === undefined || found[0].streamId !== streamId) return this.append(streamId, events);
      if (found.some((f) => f === undefined || f.streamId !== streamId)) return wrong();
      const last = found[found.length - 1] as LogRecord;
      return { kind: 'idempotent', lastRevision: last.revision, position: last.position };
    }
    const expectedRevision = expected === 'no_stream' ? -1 : expected;
    if (expectedRevision === current) return this.append(streamId, events);
    if (expectedRevision > current) return wrong();
    const stored = stream.slice(expectedRevision + 1, expectedRevision + 1 + events.length);
    const same = stored.length === events.length && stored.every((r, i) => r.eventId === events[i].eventId);
    if (!same) return wrong();
    const last = stored[stored.length - 1];
    return { kind: 'idempotent', lastRevision: last.revision, position: last.position };
  }

  private append(streamId: string, events: ProposedEvent[]): CommitOutcome {
    let last: LogRecord | undefined;
    for (const event of events) last = this.write(streamId, event);
    for (const listener of [...this.listeners]) listener();
    const written = last as LogRecord;
    return { kind: 'written', lastRevision: written.revision, position: written.position };
  }

  private write(streamId: string, event: ProposedEvent): LogRecord {
    const stream = this.streams.get(streamId) ?? [];
    const record: LogRecord = {
      streamId,
      revision: stream.length,
      ...event,
      created: BigInt(Date.now()) * 10_000n,
      position: this.end,
    };
    stream.push(record);
    this.streams.set(streamId, stream);
    this.records.push(record);
    this.byEventId.set(event.eventId, record);
    this.end += RECORD_OVERHEAD + event.type.length + event.data.length + event.metadata.length;
    return record;
  }
}
