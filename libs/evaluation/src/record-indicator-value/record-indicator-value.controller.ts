import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Roles } from '@app/identity';
import { AGS_PATTERN, CommandAccepted, IdPipe, IsPlausibleDate, Refuses } from '@app/shared';
import { RecordIndicatorValueCommand } from './record-indicator-value.handler';
import { IndicatorPeriodInvalid, UnknownMunicipality } from '../errors';

export class IndicatorPeriodDto {
  @ApiProperty({ example: '2016-01-01' }) @IsPlausibleDate() from: string;
  @ApiProperty({ example: '2016-12-31' }) @IsPlausibleDate() to: string;
}

export class RecordIndicatorValueDto {
  @ApiProperty({ example: '05978000' })
  @Matches(AGS_PATTERN, { message: 'ags must be an 8-digit AGS' })
  ags: string;

  @ApiProperty({ example: 'children-in-day-care-under-3-percent' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  indicator: string;

  @ApiPropertyOptional({ example: '2017-12-31', description: 'The value at a date (or give a period)' })
  @IsOptional()
  @IsPlausibleDate()
  date?: string;

  @ApiPropertyOptional({ type: IndicatorPeriodDto, description: 'The value over a period (or give a date)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IndicatorPeriodDto)
  period?: IndicatorPeriodDto;

  @ApiProperty({ example: 27.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 })
  value: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('evaluations/:evaluationId/indicators')
export class RecordIndicatorValueController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office records an indicator value of a municipality for impact monitoring. */
  @Post()
  @HttpCode(200)
  @Refuses(IndicatorPeriodInvalid, UnknownMunicipality)
  @Roles('grants-office')
  record(
    @Param('evaluationId', IdPipe) evaluationId: string,
    @Body() body: RecordIndicatorValueDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new RecordIndicatorValueCommand(evaluationId, body));
  }
}
