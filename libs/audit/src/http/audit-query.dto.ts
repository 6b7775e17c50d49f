import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, registerDecorator } from 'class-validator';
import { IsRecordId, ListQuery, MAX_YEAR, MIN_YEAR } from '@app/shared';
import { instantBound, TIME_AXES, type TimeAxis } from '../time-travel/as-of';

/** A date `YYYY-MM-DD` (the whole day, Berlin time) or an ISO instant with offset, 2000–2100. */
export function IsAsOf(): PropertyDecorator {
  const documented = ApiProperty({ format: 'date-or-date-time' });
  return (target, propertyName) => {
    // The OpenAPI document says what the parameter takes (the fuzz test reads it from there).
    documented(target, propertyName);
    registerDecorator({
      name: 'isAsOf',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be a date YYYY-MM-DD or an ISO instant such as 2012-02-29T12:00:00Z, between ${MIN_YEAR} and ${MAX_YEAR}`,
      },
      validator: {
        validate(value: unknown) {
          // The year first: a validator must never throw, and day arithmetic on year 9999 did.
          if (typeof value !== 'string' || !/^\d{4}-/.test(value)) return false;
          const year = Number(value.slice(0, 4));
          if (year < MIN_YEAR || year > MAX_YEAR) return false;
          return instantBound(value, 'recorded') !== undefined;
        },
      },
    });
  };
}

const TIME_DOC =
  'Which clock a date is read on: `recorded` = storage time (recordedAt, what the store held then), ' +
  '`occurred` = business time (occurredAt, what had happened by then). Default: recorded.';

export class TimeAxisFilter {
  @ApiPropertyOptional({ enum: TIME_AXES, description: TIME_DOC })
  @IsOptional()
  @IsIn(TIME_AXES)
  time?: TimeAxis;
}

export class RecordAsOfFilter extends TimeAxisFilter {
  @ApiPropertyOptional({ description: 'State after this revision of the stream (0 = its first event).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  revision?: number;

  @ApiPropertyOptional({ description: 'A date (its whole day, Berlin time) or an ISO instant.' })
  @IsOptional()
  @IsAsOf()
  asOf?: string;
}

export class ReadModelsAsOfFilter extends TimeAxisFilter {
  @ApiPropertyOptional({ description: 'A date (its whole day, Berlin time) or an ISO instant.' })
  @IsOptional()
  @IsAsOf()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Up to and including this global position of the store.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  position?: number;

  @ApiPropertyOptional({ description: 'Only this read model (by name).' })
  @IsOptional()
  @IsRecordId()
  readModel?: string;
}

export class TimeRangeFilter extends TimeAxisFilter {
  @ApiPropertyOptional({ description: 'From this date (Berlin time) or instant on, inclusive.' })
  @IsOptional()
  @IsAsOf()
  from?: string;

  @ApiPropertyOptional({
    description: 'Up to the end of this date (Berlin time) or this instant, inclusive.',
  })
  @IsOptional()
  @IsAsOf()
  to?: string;
}

export class ExportFilter extends TimeRangeFilter {
  @ApiPropertyOptional({ description: 'Only the streams of this programme.' })
  @IsOptional()
  @IsRecordId()
  programmeId?: string;

  @ApiPropertyOptional({ description: 'Only the streams of this municipality (AGS).' })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'ags must be an 8-digit Amtlicher Gemeindeschlüssel' })
  ags?: string;
}

export class StreamsFilter extends ListQuery() {
  @ApiPropertyOptional({ description: 'Only streams whose id starts with this, e.g. `application-`.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,159}$/, { message: 'prefix must be the start of a stream id' })
  prefix?: string;
}
