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
import { CommandAccepted, IdPipe, IsPlausibleDate, Refuses } from '@app/shared';
import type { CouncilResolutionRule } from '../call';
import { FundingTierDto } from '../draft-call/draft-call.controller';
import { AdoptProgrammeRulesCommand } from './adopt-programme-rules.handler';
import {
  InvalidFundingTiers,
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

export class FinancingSharesDto {
  @ApiProperty({ example: 50 }) @IsInt() @Min(0) @Max(100) esfMaxPercent: number;
  @ApiProperty({ example: 25 }) @IsInt() @Min(0) @Max(100) landMaxPercent: number;
  @ApiProperty({ example: 25 }) @IsInt() @Min(0) @Max(100) ownMinPercent: number;
}

export class ReportScheduleDto {
  @ApiProperty({ enum: ['annual', 'semiannual'] })
  @IsIn(['annual', 'semiannual'])
  frequency: 'annual' | 'semiannual';
  @ApiPropertyOptional({
    example: 4,
    description:
      'Due on the last day of this month after the month the period ends in (4: 31 Dec → 30 April). Default 4.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24)
  dueMonthsAfterPeriodEnd?: number;
  @ApiPropertyOptional({
    example: 30,
    description:
      'Instead of months: due this many days after the period ends (not with dueMonthsAfterPeriodEnd)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  dueAfterPeriodEndDays?: number;
}

/** Every rule optional: what a version leaves out comes from the call's terms or the defaults. */
export class ProgrammeRulesDto {
  @ApiPropertyOptional({ enum: RESOLUTION_RULES })
  @IsOptional()
  @IsIn(RESOLUTION_RULES)
  councilResolution?: CouncilResolutionRule;
  @ApiPropertyOptional({ example: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(730)
  resolutionFollowUpDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() coordinatorRequired?: boolean;

  @ApiPropertyOptional({ type: [FundingTierDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FundingTierDto)
  fundingTiers?: FundingTierDto[];

  @ApiPropertyOptional({ type: FinancingSharesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FinancingSharesDto)
  financing?: FinancingSharesDto;

  @ApiPropertyOptional({ example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  disbursementWindowMonths?: number;
  @ApiPropertyOptional({ example: 6 }) @IsOptional() @IsInt() @Min(1) @Max(60) proofOfUseMonths?: number;

  @ApiPropertyOptional({ type: ReportScheduleDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReportScheduleDto)
  reportSchedule?: ReportScheduleDto;

  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  interestPointsAboveBaseRate?: number;
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

  @ApiProperty({ type: ProgrammeRulesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ProgrammeRulesDto)
  rules: ProgrammeRulesDto;
}

@ApiTags('programmes and calls')
@ApiBearerAuth()
@Controller('programmes/:programmeId/rules')
export class AdoptProgrammeRulesController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office adopts a new version of the programme's rules with its effective date. */
  @Post()
  @Refuses(
    InvalidFundingTiers,
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
    return this.commandBus.execute(new AdoptProgrammeRulesCommand(programmeId, body));
  }
}
