import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { listPage, type Page, Refuses, RequestValidationError } from '@app/shared';
import { AsOfAmbiguous, TimeRangeReversed } from '../errors';
import { GetMunicipalityTimelineQuery, GetReadModelsAsOfQuery } from '../queries/programme-queries';
import {
  GetRecordAsOfQuery,
  GetStreamHistoryQuery,
  ListStreamsQuery,
  type StreamSummary,
} from '../queries/record-queries';
import type { MunicipalityTimeline } from '../time-travel/municipality-timeline';
import type { ReadModelsAsOf } from '../time-travel/read-models-as-of';
import type { RecordAsOf } from '../time-travel/record-as-of';
import type { StreamHistory } from '../time-travel/stream-history';
import { ReadModelsAsOfFilter, RecordAsOfFilter, StreamsFilter, TimeRangeFilter } from './audit-query.dto';
import { asOfFrom, timeRangeFrom } from './as-of-params';
import { StreamIdPipe } from './stream-id.pipe';

/**
 * The auditor's read-only view of history: any stream with its full metadata, any record or the
 * whole programme as of a revision, position or date, and one municipality across all contexts.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditRecordsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('streams')
  @Roles('auditor')
  @ApiOperation({ summary: 'Every stream with its head revision and hash' })
  async listStreams(@QueryParam() filter: StreamsFilter): Promise<Page<StreamSummary>> {
    const streams: StreamSummary[] = await this.queryBus.execute(new ListStreamsQuery(filter.prefix));
    return listPage(streams, filter, { text: (s) => [s.streamId] });
  }

  @Get('streams/:streamId/events')
  @Roles('auditor')
  @ApiOperation({ summary: "A stream's events as stored, with all metadata and its chain checked" })
  history(@Param('streamId', StreamIdPipe) streamId: string): Promise<StreamHistory> {
    return this.queryBus.execute(new GetStreamHistoryQuery(streamId));
  }

  @Get('streams/:streamId/state')
  @Refuses(AsOfAmbiguous)
  @Roles('auditor')
  @ApiOperation({ summary: 'A record as of a revision or a date (recordedAt or occurredAt)' })
  state(
    @Param('streamId', StreamIdPipe) streamId: string,
    @QueryParam() filter: RecordAsOfFilter,
  ): Promise<RecordAsOf> {
    return this.queryBus.execute(new GetRecordAsOfQuery(streamId, asOfFrom(filter)));
  }

  @Get('read-models')
  @Refuses(AsOfAmbiguous)
  @Roles('auditor')
  @ApiOperation({ summary: 'Every read model as of a date or position, rebuilt apart from the live ones' })
  readModels(@QueryParam() filter: ReadModelsAsOfFilter): Promise<ReadModelsAsOf> {
    return this.queryBus.execute(new GetReadModelsAsOfQuery(asOfFrom(filter), filter.readModel));
  }

  @Get('municipalities/:ags/timeline')
  @Refuses(TimeRangeReversed)
  @Roles('auditor')
  @ApiOperation({ summary: "One municipality's history across all contexts" })
  timeline(@Param('ags') ags: string, @QueryParam() filter: TimeRangeFilter): Promise<MunicipalityTimeline> {
    if (!/^\d{8}$/.test(ags)) {
      throw new RequestValidationError('invalid-ags', {
        de: `„${ags}“ ist kein achtstelliger Amtlicher Gemeindeschlüssel.`,
        en: `"${ags}" is not an 8-digit Amtlicher Gemeindeschlüssel.`,
      });
    }
    return this.queryBus.execute(new GetMunicipalityTimelineQuery(ags, timeRangeFrom(filter)));
  }
}
