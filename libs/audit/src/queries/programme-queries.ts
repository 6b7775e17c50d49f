import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/eventsourcing';
import { MunicipalityRegistry } from '@app/shared';
import type { AsOf, TimeRange } from '../time-travel/as-of';
import { type MunicipalityTimeline, municipalityTimeline } from '../time-travel/municipality-timeline';
import { type ReadModelsAsOf, readModelsAsOf } from '../time-travel/read-models-as-of';
import { AuditReader } from './audit-reader';

export class GetReadModelsAsOfQuery extends Query<ReadModelsAsOf> {
  constructor(
    readonly asOf: AsOf,
    readonly readModel?: string,
  ) {
    super();
  }
}

export class GetMunicipalityTimelineQuery extends Query<MunicipalityTimeline> {
  constructor(
    readonly ags: string,
    readonly range: TimeRange,
  ) {
    super();
  }
}

@QueryHandler(GetReadModelsAsOfQuery)
export class GetReadModelsAsOfHandler implements IQueryHandler<GetReadModelsAsOfQuery> {
  constructor(private readonly reader: AuditReader) {}
  execute({ asOf, readModel }: GetReadModelsAsOfQuery): Promise<ReadModelsAsOf> {
    return readModelsAsOf(this.reader.store, this.reader.projections(readModel), asOf);
  }
}

@QueryHandler(GetMunicipalityTimelineQuery)
export class GetMunicipalityTimelineHandler implements IQueryHandler<GetMunicipalityTimelineQuery> {
  constructor(
    private readonly reader: AuditReader,
    private readonly municipalities: MunicipalityRegistry,
  ) {}
  execute({ ags, range }: GetMunicipalityTimelineQuery): Promise<MunicipalityTimeline> {
    if (!this.municipalities.find(ags)) throw new NotFound('Municipality', ags);
    return municipalityTimeline(this.reader.store, ags, range);
  }
}
