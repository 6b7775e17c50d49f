import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, readAllPages } from '@app/eventsourcing';
import { StreamHeads } from '../integrity/stream-heads';
import type { AsOf } from '../time-travel/as-of';
import type { RecordAsOf } from '../time-travel/record-as-of';
import { type StreamHistory, streamHistory } from '../time-travel/stream-history';
import { AuditReader } from './audit-reader';

export interface StreamSummary {
  streamId: string;
  /** Revision of the newest event: the stream holds revision + 1 events. */
  revision: number;
  headHash: string;
}

export class ListStreamsQuery extends Query<StreamSummary[]> {
  constructor(readonly prefix?: string) {
    super();
  }
}

export class GetStreamHistoryQuery extends Query<StreamHistory> {
  constructor(readonly streamId: string) {
    super();
  }
}

export class GetRecordAsOfQuery extends Query<RecordAsOf> {
  constructor(
    readonly streamId: string,
    readonly asOf: AsOf,
  ) {
    super();
  }
}

@QueryHandler(ListStreamsQuery)
export class ListStreamsHandler implements IQueryHandler<ListStreamsQuery> {
  constructor(private readonly reader: AuditReader) {}
  async execute({ prefix }: ListStreamsQuery): Promise<StreamSummary[]> {
    const heads = new StreamHeads();
    const until = await this.reader.stored.headPosition();
    for await (const page of readAllPages(this.reader.stored, { until })) {
      for (const event of page) if (!prefix || event.streamId.startsWith(prefix)) heads.apply(event);
    }
    return heads
      .all()
      .sort((a, b) => (a.streamId < b.streamId ? -1 : 1))
      .map((h) => ({ streamId: h.streamId, revision: h.revision, headHash: h.hash }));
  }
}

@QueryHandler(GetStreamHistoryQuery)
export class GetStreamHistoryHandler implements IQueryHandler<GetStreamHistoryQuery> {
  constructor(private readonly reader: AuditReader) {}
  async execute({ streamId }: GetStreamHistoryQuery): Promise<StreamHistory> {
    const history = await streamHistory(this.reader.stored, this.reader.upcasters, streamId);
    if (!history) throw new NotFound('Stream', streamId);
    return history;
  }
}

@QueryHandler(GetRecordAsOfQuery)
export class GetRecordAsOfHandler implements IQueryHandler<GetRecordAsOfQuery> {
  constructor(private readonly reader: AuditReader) {}
  async execute({ streamId, asOf }: GetRecordAsOfQuery): Promise<RecordAsOf> {
    const state = await this.reader.records.asOf(streamId, asOf);
    if (!state) throw new NotFound('Stream', streamId);
    return state;
  }
}
