import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, IsPlausibleDate, IsRecordId, Refuses } from '@app/shared';
import type { CouncilResolutionRule } from '../call';
import { FUNDING_SOURCE_KINDS, type FundingSource, REPORT_FREQUENCIES, type ReportFrequency } from '../rules';
import { FundingTierDto } from '../draft-call/draft-call.controller';
import { AdoptProgrammeRulesCommand } from './adopt-programme-rules.handler';
import {
  InvalidFundingTiers,
  ProgrammeTermsInvalid,
  ReportScheduleAmbiguous,
  RulesEffectiveBeforePrevious,
  RulesEffectiveInPast,
  RulesVersionNotSequential,
} from '../errors';

const RESOLUTION_RULES: CouncilResolutionRule[] = [
  'required-at-submission',
  'may-follow-after-selection',
  'not-required',
];

export class FundingSourceDto {
  @ApiProperty({ example: 'bund', description: 'Stable id of the source within the programme' })
  @IsRecordId()
  sourceId: string;
  @ApiProperty({ example: 'Bund', description: 'The name notices and reports show' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
  @ApiProperty({
    enum: FUNDING_SOURCE_KINDS,
    description: '`grant`: paid out by the grants office; `own`, `third-party`: the grantee’s part',
  })
  @IsIn(FUNDING_SOURCE_KINDS)
  kind: FundingSource['kind'];
  @ApiPropertyOptional({ example: 50, description: 'At most this share of the eligible total, in percent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  maxPercent?: number;
  @ApiPropertyOptional({ example: 20, description: 'At least this share of the eligible total, in percent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  minPercent?: number;
}

/** Exactly one of the two: the last day of the nth month after the period's month, or n days after its end. */
export class ReportDueDto {
  @ApiPropertyOptional({
    example: 4,
    description:
      'Due on the last day of this month after the month the period ends in (4: 31 Dec → 30 April)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24)
  monthsAfterPeriodEnd?: number;
  @ApiPropertyOptional({
    example: 30,
    description: 'Instead of months: due this many days after the period ends',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  daysAfterPeriodEnd?: number;
}

export class ReportScheduleDto {
  @ApiProperty({ enum: REPORT_FREQUENCIES })
  @IsIn(REPORT_FREQUENCIES)
  frequency: ReportFrequency;
  @ApiProperty({
    enum: ['calendar', 'grant-period'],
    description: 'Calendar years, halves or quarters, or counted from the grant’s first day',
  })
  @IsIn(['calendar', 'grant-period'])
  anchor: 'calendar' | 'grant-period';
  @ApiProperty({ type: ReportDueDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReportDueDto)
  due: ReportDueDto;
}

export class IndicatorDefinitionDto {
  @ApiProperty({ example: 'schools-connected' }) @IsRecordId() indicatorId: string;
  @ApiProperty({ example: 'Schulen angebunden' }) @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @ApiProperty({ example: 'Anzahl' }) @IsString() @IsNotEmpty() @MaxLength(50) unit: string;
  @ApiProperty({ enum: ['integer', 'decimal'] }) @IsIn(['integer', 'decimal']) type: 'integer' | 'decimal';
  @ApiProperty({ description: 'A report cannot be submitted without it' }) @IsBoolean() required: boolean;
  @ApiPropertyOptional({ example: 'esf-common-indicators' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  catalogue?: string;
}

export class ReportingTermsDto {
  @ApiProperty({ type: ReportScheduleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReportScheduleDto)
  schedule: ReportScheduleDto;
  @ApiProperty({ type: [IndicatorDefinitionDto], description: 'The catalogue a report states' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IndicatorDefinitionDto)
  indicators: IndicatorDefinitionDto[];
}

export class PhaseDefinitionDto {
  @ApiProperty({ example: 'aufbau' }) @IsRecordId() phaseId: string;
  @ApiProperty({ example: 'Aufbau' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 18 }) @IsOptional() @IsInt() @Min(1) @Max(240) durationMonths?: number;
  @ApiPropertyOptional({ example: '2026-07-01' }) @IsOptional() @IsPlausibleDate() from?: string;
  @ApiPropertyOptional({ example: '2027-12-31' }) @IsOptional() @IsPlausibleDate() to?: string;
}

/** Complete terms: a version names everything its decisions apply (no built-in values). */
export class ProgrammeTermsDto {
  @ApiProperty({ type: [FundingSourceDto], description: 'At least one of kind `grant`' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FundingSourceDto)
  sources: FundingSourceDto[];

  @ApiProperty({ enum: RESOLUTION_RULES })
  @IsIn(RESOLUTION_RULES)
  councilResolution: CouncilResolutionRule;
  @ApiProperty({ example: 90, description: 'A promised resolution is due this many days after selection' })
  @IsInt()
  @Min(1)
  @Max(730)
  resolutionFollowUpDays: number;
  @ApiProperty() @IsBoolean() coordinatorRequired: boolean;

  @ApiProperty({ example: 2, description: 'Funds only for payments due within this many months (ANBest-G)' })
  @IsInt()
  @Min(1)
  @Max(24)
  disbursementWindowMonths: number;
  @ApiProperty({ example: 6, description: 'The proof of use is due this many months after the period' })
  @IsInt()
  @Min(1)
  @Max(60)
  proofOfUseMonths: number;
  @ApiProperty({
    example: 5,
    description: 'Interest on refunds, points above the base rate (§ 49a (3) VwVfG)',
  })
  @IsInt()
  @Min(0)
  @Max(20)
  interestPointsAboveBaseRate: number;

  @ApiProperty({ type: ReportingTermsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReportingTermsDto)
  reporting: ReportingTermsDto;

  @ApiProperty({ type: [PhaseDefinitionDto], description: '[]: the programme has no phases' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PhaseDefinitionDto)
  phases: PhaseDefinitionDto[];

  @ApiPropertyOptional({
    type: [FundingTierDto],
    description: 'Programme-wide tiers; usually each call sets its own',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FundingTierDto)
  fundingTiers?: FundingTierDto[];
}

export class AdoptProgrammeRulesDto {
  @ApiProperty({ example: 1, description: 'The next version number: 1, 2, … without gaps' })
  @IsInt()
  @Min(1)
  @Max(10000)
  version: number;

  @ApiProperty({
    example: '2011-11-01',
    description: 'Applies to submissions from this day (Berlin) on; today or later, never retroactively',
  })
  @IsPlausibleDate()
  effectiveFrom: string;

  @ApiPropertyOptional({ example: 'Förderphase I' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  label?: string;

  @ApiProperty({ type: ProgrammeTermsDto, description: 'The complete terms of this version' })
  @IsObject()
  @ValidateNested()
  @Type(() => ProgrammeTermsDto)
  rules: ProgrammeTermsDto;
}

@ApiTags('programmes and calls')
@ApiBearerAuth()
@Controller('programmes/:programmeId/rules')
export class AdoptProgrammeRulesController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office adopts a new version of the programme's terms, complete in itself, with its effective date. */
  @Post()
  @Refuses(
    InvalidFundingTiers,
    ProgrammeTermsInvalid,
    ReportScheduleAmbiguous,
    RulesEffectiveBeforePrevious,
    RulesEffectiveInPast,
    RulesVersionNotSequential,
  )
  @Roles('grants-office')
  adopt(
    @Param('programmeId', IdPipe) programmeId: string,
    @Body() body: AdoptProgrammeRulesDto,
  ): Promise<CommandAccepted> {
    // The decider checks that `due` names exactly one of months and days.
    return this.commandBus.execute(
      new AdoptProgrammeRulesCommand(programmeId, body as AdoptProgrammeRulesCommand['input']),
    );
  }
}
